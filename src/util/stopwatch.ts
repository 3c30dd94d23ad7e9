// Stage timings for $LOFTE_TIMING.

/** Calls `report` with the time since the last call (or since it was made). */
export function stopwatch(report: ((stage: string, ms: number) => void) | undefined): (stage: string) => void {
  let last = performance.now();
  return (stage) => {
    if (!report) return;
    const now = performance.now();
    report(stage, now - last);
    last = now;
  };
}
