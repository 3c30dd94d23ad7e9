// One repository as the language server sees it: the watch mode's ValidationSession, checked with
// the editor's unsaved texts in place of the files, run again for exactly the files that changed.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoContext, type RepoContext, type RepoFlags } from '../cli/context.js';
import type { CliIo } from '../cli/io.js';
import { RepositoryStage } from '../check/repository.js';
import { CONFIG_FILE } from '../config/index.js';
import { displayName, isSourceFile } from '../load/discover.js';
import type { Entity } from '../schema/index.js';
import { ValidationSession, type ValidationResult } from '../validate.js';

/** What a run found, and the context it ran in. */
export interface Snapshot {
  result: ValidationResult;
  ctx: RepoContext;
}

/** `null`: nothing to do; `undefined`: look at every file; a set: these files changed. */
type Dirty = Set<string> | undefined | null;

export class Workspace {
  private readonly overlay = new Map<string, { text: string; version: number }>();
  private ctx: RepoContext | undefined;
  private session: ValidationSession | undefined;
  private dirty: Dirty = undefined;
  private reloadContext = true;
  private loop: Promise<void> | undefined;
  private last: Snapshot | undefined;

  constructor(
    readonly root: string,
    private readonly flags: RepoFlags,
    private readonly io: CliIo,
    /** Told after every run; the run after it waits until this returns. */
    private readonly onSnapshot: (snapshot: Snapshot) => Promise<void> | void,
  ) {}

  /** Repository paths (relative, forward slashes) as findings name them. */
  nameOf(absPath: string): string {
    return displayName(this.root, absPath);
  }

  absPathOf(name: string): string {
    return path.resolve(this.root, name);
  }

  /** An editor opened or changed a file: its text is checked instead of what is on disk. */
  setText(absPath: string, text: string, version: number): void {
    if (!isSourceFile(absPath)) return;
    this.overlay.set(absPath, { text, version });
    this.changed([absPath]);
  }

  /** The editor closed the file: what is on disk counts again. */
  dropText(absPath: string): void {
    if (!this.overlay.delete(absPath)) return;
    this.changed([absPath]);
  }

  /** Files changed on disk (saved, created, deleted, or changed by git); undefined: something only a full look can tell. */
  changed(absPaths: readonly string[] | undefined): void {
    if (absPaths === undefined) {
      this.dirty = undefined;
    } else if (absPaths.some((p) => path.basename(p) === CONFIG_FILE)) {
      this.reloadContext = true;
      this.dirty = undefined;
    } else if (this.dirty !== undefined) {
      this.dirty ??= new Set();
      for (const p of absPaths) if (isSourceFile(p)) this.dirty.add(p);
    }
    this.loop ??= this.drain();
  }

  /** The text of a file: the editor's when it has the file open, else what is on disk. */
  textOf(absPath: string): string | undefined {
    const open = this.overlay.get(absPath);
    if (open) return open.text;
    try {
      return readFileSync(absPath, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** The result once every change told so far has been checked. */
  async ready(): Promise<Snapshot | undefined> {
    if (this.dirty !== null) this.loop ??= this.drain();
    while (this.loop) await this.loop;
    return this.last;
  }

  /** The entity of document `index` in a file, as the last run saw it. */
  entityAt(snapshot: Snapshot, absPath: string, index: number): Entity | undefined {
    const name = this.nameOf(absPath);
    return snapshot.result.entities.find((e) => e.doc.file === name && e.doc.index === index);
  }

  private async drain(): Promise<void> {
    // Never finish before the caller has kept the promise: `loop` is cleared only after it was set.
    await Promise.resolve();
    try {
      while (this.dirty !== null) {
        const changes = this.dirty;
        this.dirty = null;
        if (this.reloadContext || !this.ctx || !this.session) {
          this.reloadContext = false;
          this.ctx = await repoContext(['.'], this.flags, { ...this.io, cwd: this.root, stderrIsTTY: false });
          // One thread, no progress line: the editor's texts are in this thread, and stderr is a log.
          this.ctx.options.threads = undefined;
          this.ctx.options.onProgress = undefined;
          // The repository stage kept between runs redoes only what a change can reach.
          this.session = new ValidationSession(this.ctx.options, this.overlay, new RepositoryStage(this.ctx.options, this.overlay));
        }
        try {
          const result = await this.session.run(changes);
          this.last = { result, ctx: this.ctx };
          await this.onSnapshot(this.last);
        } catch (err) {
          // A folder that vanished, a file that could not be read: the next change tries again.
          this.io.stderr(`lofte lsp: ${err instanceof Error ? err.message : String(err)}\n`);
          this.reloadContext = true;
        }
      }
    } finally {
      this.loop = undefined;
    }
  }
}
