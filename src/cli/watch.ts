// Watch mode: run again whenever a file under the given paths changes, until Ctrl-C.

import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { CliIo } from './io.js';

/** Time to let a burst of saves settle (editors write a file in several steps). */
const DEBOUNCE_MS = 120;

/** Calls `again` after every settled change; resolves when the user stops it. Never two runs at once. */
export function watchPaths(paths: readonly string[], io: CliIo, again: () => Promise<void>): Promise<void> {
  const roots = [...new Set(paths.map((p) => path.resolve(io.cwd, p)).map((p) => (existsSync(p) && !p.match(/\.(ya?ml|md)$/i) ? p : path.dirname(p))))];
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let running = false;
    let pending = false;
    const fire = async (): Promise<void> => {
      if (running) {
        pending = true;
        return;
      }
      running = true;
      try {
        await again();
      } catch (err) {
        io.stderr(`lofte: ${err instanceof Error ? err.message : String(err)}\n`);
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
    const watchers: FSWatcher[] = roots.map((root) =>
      watch(root, { recursive: true }, (_event, name) => {
        const file = typeof name === 'string' ? name : '';
        if (file === '' || /\.(ya?ml|md)$/i.test(file)) schedule();
      }),
    );
    const stop = io.onInterrupt?.(() => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      stop?.();
      resolve();
    });
  });
}

export function clock(date: Date): string {
  return date.toTimeString().slice(0, 8);
}

/** Runs once; with `watch`, again after every change until Ctrl-C (then exit 0). */
export async function runThenWatch(watch: boolean | undefined, paths: readonly string[], io: CliIo, setExit: (code: number) => void, again: string, run: () => Promise<number>): Promise<void> {
  const code = await run();
  if (!watch) {
    setExit(code);
    return;
  }
  io.stderr('lofte: Bevakar filerna. Ctrl-C avslutar.\n');
  await watchPaths(paths, io, async () => {
    io.stderr(`\n[${clock(io.now())}] Ändring – ${again}.\n`);
    await run();
  });
  setExit(0);
}
