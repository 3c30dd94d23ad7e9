// A full garbage collection, for the one moment a command knows most of its heap has just become
// garbage: `report` once the validation result is let go and only the pages' model remains.

import { runInNewContext } from 'node:vm';
import { setV8Flags } from './lazy.js';

let gc: (() => void) | undefined;

/**
 * Collects the whole heap now. V8 starts its next full collection only when the heap has grown to
 * a multiple of what was live at the last one, and the last one ran while the validation result
 * was still live: without this, the pages' short-lived garbage fills the heap up to that multiple
 * before anything is returned, and a report's peak memory grows with the repository far beyond
 * what it keeps. `--expose-gc` set at run time reaches only contexts made after it, hence the new
 * context (as jest's leak detector does); the flag is put back at once.
 */
export function collectGarbage(): void {
  if (!gc) {
    const own = (globalThis as { gc?: () => void }).gc;
    if (own) gc = own;
    else {
      setV8Flags('--expose-gc');
      try {
        gc = runInNewContext('gc') as () => void;
      } finally {
        setV8Flags('--no-expose-gc');
      }
    }
  }
  gc();
}

/**
 * From the next full collection on, lets the heap grow by `percent` over what it kept before V8
 * starts another one. V8's own factor lets a heap of mostly long-lived data grow to twice that or
 * more; `report` writes thousands of pages whose short-lived garbage the young generation partly
 * promotes, so without this its peak grows with the repository by the garbage, not by what it keeps.
 */
export function limitHeapGrowth(percent: number): void {
  setV8Flags(`--heap-growing-percent=${percent}`);
}
