// The main thread's side of the page thread (page-worker.ts): pages go to it built, a few ahead of
// what it has written, and come back as whether each file changed. Counting what it has done
// through shared memory lets this thread send more while it writes a long file of its own, without
// waiting for the event loop.

import { Worker } from 'node:worker_threads';
import { packagePath } from '../paths.js';
import type { PageJob, PageReply } from './page-worker.js';
import { writeContent, WriteInterrupted, YIELD_MS, type DeferredPage } from './write.js';

/**
 * The thread's young generation, in MB. V8's default let the thread's short-lived garbage take some
 * 30 MB more at 10,000 files than this, for no gain in time.
 */
const YOUNG_MB = 8;

/** Pages sent and not yet written: enough that the thread never waits for this one, few enough to hold little. */
const AHEAD = 48;

interface Queued {
  page: DeferredPage;
  target: string;
  old: string | undefined;
  done: (changed: boolean) => void;
}

export class PageQueue {
  private readonly worker: Worker;
  /** [0]: pages the worker has finished, counted by it. */
  private readonly finished = new Int32Array(new SharedArrayBuffer(4));
  private readonly queued: (Queued | undefined)[] = [];
  private head = 0;
  private readonly sent = new Map<number, (changed: boolean) => void>();
  private posted = 0;
  private failure: { err: unknown } | undefined;
  private wake: (() => void) | undefined;
  private stopped = false;
  private signal: AbortSignal | undefined;

  /** Starts the thread: it loads its code while this thread goes on (the site writer gives it pages). */
  constructor() {
    this.worker = new Worker(packagePath('dist', 'report', 'page-worker.js'), { workerData: { finished: this.finished }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
    this.worker.on('message', (reply: PageReply) => {
      const done = this.sent.get(reply.id);
      this.sent.delete(reply.id);
      if ('error' in reply) this.fail(Object.assign(new Error(reply.error.message), reply.error.code === undefined ? {} : { code: reply.error.code }, reply.error.stack === undefined ? {} : { stack: reply.error.stack }));
      else done?.(reply.changed);
      this.pump();
      this.wakeUp();
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => {
      if (!this.stopped) this.fail(new Error(`the page thread stopped early (exit code ${code})`));
    });
  }

  /** The run that gives it pages stops when `signal` is aborted. */
  watch(signal: AbortSignal | undefined): void {
    this.signal = signal;
    signal?.addEventListener('abort', this.wakeUp);
  }

  /** A page to write at `target`; `done` is told whether the file changed. */
  add(page: DeferredPage, target: string, old: string | undefined, done: (changed: boolean) => void): void {
    this.queued.push({ page, target, old, done });
    this.pump();
  }

  /** Throws what went wrong on the page thread, if anything has. */
  check(): void {
    if (this.failure) throw this.failure.err;
  }

  /** Sends pages while the thread has fewer than AHEAD to do. */
  readonly pump = (): void => {
    while (!this.failure && !this.stopped && this.head < this.queued.length && this.posted - Atomics.load(this.finished, 0) < AHEAD) {
      const job = this.queued[this.head] as Queued;
      this.queued[this.head++] = undefined;
      let page;
      try {
        page = job.page.build();
      } catch (err) {
        this.fail(err);
        return;
      }
      const id = this.posted++;
      this.sent.set(id, job.done);
      this.worker.postMessage({ id, page, ext: job.page.ext, asOf: job.page.asOf, target: job.target, old: job.old } satisfies PageJob);
    }
  };

  /**
   * Waits until every page given is written. Pages not yet sent are shared: the thread takes them
   * from the first, this one (its own files written) from the last, until they meet.
   */
  async drain(): Promise<void> {
    let yielded = performance.now();
    for (;;) {
      this.check();
      if (this.signal?.aborted) throw new WriteInterrupted();
      this.pump();
      if (this.head < this.queued.length) {
        const job = this.queued.pop() as Queued;
        job.done(writeContent(job.target, job.page.content(), job.old));
        // The thread's replies (and a failure) are heard on the event loop.
        if (performance.now() - yielded >= YIELD_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          yielded = performance.now();
        }
        continue;
      }
      if (this.sent.size === 0) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Ends the thread; nothing is written by it after this. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.signal?.removeEventListener('abort', this.wakeUp);
    await this.worker.terminate();
  }

  private fail(err: unknown): void {
    this.failure ??= { err };
    this.wakeUp();
  }

  private readonly wakeUp = (): void => {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  };
}
