// Stage timings for $LOFTE_TIMING.

const NO_TIMING = (): void => {};

/**
 * Calls `report` with the time since the last call (or since it was made). Without `report` the
 * clock is never read: `performance`, which Node makes on first use, took 2–4 ms of a start.
 */
export function stopwatch(report: ((stage: string, ms: number) => void) | undefined): (stage: string) => void {
  if (!report) return NO_TIMING;
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    report(stage, now - last);
    last = now;
  };
}
