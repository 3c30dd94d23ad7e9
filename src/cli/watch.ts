// Watch mode: run again whenever a file under the given paths changes, until Ctrl-C.

import { existsSync, readdirSync, statSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { language, type Lang } from '../diagnostics/messages/index.js';
import type { CliIo } from './io.js';
import { errorLine } from './options.js';

/** Time to let a burst of saves settle (an editor's save is a few writes within milliseconds). */
const DEBOUNCE_MS = 10;

/** Folders to watch under a root: lofte's own discovery skips dot-folders and node_modules too. */
function foldersUnder(root: string, skip: (absPath: string) => boolean): string[] {
  if (skip(root)) return [];
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    let entries: Dirent[];
    try {
      entries = readdirSync(out[i] as string, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = path.join(out[i] as string, e.name);
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules' && !skip(full)) out.push(full);
    }
  }
  return out;
}

export interface WatchOptions {
  /** Paths whose changes are not the user's: the report's own output folder. */
  ignore?: (absPath: string) => boolean;
  /** The language of the "watching" line; Swedish unless chosen. */
  lang?: Lang;
}

/** What changed since the last run: these files, or (undefined) something only a full look can tell. */
export type Changes = ReadonlySet<string> | undefined;

/**
 * Calls `again` after every settled change, with the files that changed; resolves when the user
 * stops it. Never two runs at once. One plain watch per folder, registered before this returns:
 * Node 20's recursive watch on Linux scans the tree asynchronously, and would miss a change made
 * right after the message.
 */
export function watchPaths(paths: readonly string[], io: CliIo, again: (changes: Changes) => Promise<void>, options: WatchOptions = {}): Promise<void> {
  const skip = options.ignore ?? ((): boolean => false);
  const roots = [...new Set(paths.map((p) => path.resolve(io.cwd, p)).map((p) => (existsSync(p) && !p.match(/\.(ya?ml|md)$/i) ? p : path.dirname(p))))];
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let running = false;
    let pending = false;
    const watchers = new Map<string, FSWatcher>();
    let changed: Set<string> | undefined = new Set();
    const fire = async (): Promise<void> => {
      if (running) {
        pending = true;
        return;
      }
      running = true;
      const changes = changed;
      changed = new Set();
      try {
        await again(changes);
      } catch (err) {
        // The run failed this time; the watch goes on, and says why in the user's language.
        io.stderr(`${errorLine(options.lang ?? 'sv', err)}\n`);
      }
      running = false;
      if (pending) {
        pending = false;
        schedule();
      }
    };
    const schedule = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => void fire(), DEBOUNCE_MS);
    };
    const watchFolder = (dir: string): void => {
      if (watchers.has(dir)) return;
      try {
        const w = watch(dir, (_event, name) => {
          const file = typeof name === 'string' ? name : '';
          const full = path.join(dir, file);
          if (file !== '' && skip(full)) return;
          // A new folder gets its own watch; its files count as a change.
          if (file !== '' && !file.startsWith('.') && existsSync(full) && statSync(full).isDirectory()) {
            for (const d of foldersUnder(full, skip)) watchFolder(d);
            changed = undefined;
            schedule();
          } else if (file === '' || /\.(ya?ml|md)$/i.test(file)) {
            if (file === '') changed = undefined;
            else changed?.add(full);
            schedule();
          }
        });
        w.on('error', () => watchers.delete(dir)); // the folder was removed
        watchers.set(dir, w);
      } catch {
        // a folder that vanished between listing and watching
      }
    };
    for (const root of roots) for (const dir of foldersUnder(root, skip)) watchFolder(dir);
    io.stderr(`lofte: ${language(options.lang ?? 'sv').cli.watch.watching}\n`);
    const stop = io.onInterrupt?.(() => {
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      stop?.();
      resolve();
    });
  });
}

export function clock(date: Date): string {
  return date.toTimeString().slice(0, 8);
}

/** Runs once; with `watch`, again after every change until Ctrl-C (then exit 0). Resolves to the exit code. */
export async function runThenWatch(
  watch: boolean | undefined,
  paths: readonly string[],
  io: CliIo,
  lang: Lang,
  again: string,
  run: (changes?: Changes) => Promise<number>,
  options: WatchOptions = {},
): Promise<number> {
  const code = await run();
  if (!watch) return code;
  await watchPaths(paths, io, async (changes) => {
    io.stderr(`\n${language(lang).cli.watch.changed({ time: clock(io.now()), again })}\n`);
    await run(changes);
  }, { ...options, lang });
  return 0;
}
