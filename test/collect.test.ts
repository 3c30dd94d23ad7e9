// collectGarbage: a full collection on request, without --expose-gc on the command line, and
// without leaving a global `gc` behind.

import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../src/util/collect.js';

describe('collectGarbage', () => {
  it('collects what nothing refers to any more, now', async () => {
    let collected = false;
    const registry = new FinalizationRegistry(() => {
      collected = true;
    });
    (() => {
      // An object that only the registry knows of.
      registry.register({ payload: new Array(1000).fill('x') }, 'gone');
    })();
    // Finalizers run in a later task; nothing else in this test allocates enough to start a collection.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    await new Promise((resolve) => setImmediate(resolve));
    expect(collected).toBe(true);
  });

  it('leaves no global gc behind', () => {
    const before = typeof (globalThis as { gc?: unknown }).gc;
    collectGarbage();
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe(before);
  });
});
