// Everything the CLI may touch of the outside world, passed in so tests can run it in-process.

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  /** Progress lines go to stderr only at a terminal, never into CI logs or pipes. */
  stderrIsTTY?: boolean;
  /** The clock, for the default `--as-of`; tests pass a fixed one. */
  now(): Date;
  /** Calls `handler` on Ctrl-C instead of dying at once; returns a function that stops listening. */
  onInterrupt?(handler: () => void): () => void;
}

export function processIo(): CliIo {
  /** What a run that can be stopped (watch mode) asked to be told instead of dying at once (see `onInterrupt`). */
  let stop: (() => void) | undefined;
  let closed = false;
  // A reader that stops reading (`lofte validate | head`) closes the pipe: what is left to write
  // goes nowhere, and a run ends as it would have, with its exit code, instead of dying of the
  // write error with a stack trace; a run that would go on (watch mode) is stopped as by Ctrl-C.
  // Other errors are left to whoever else listens (the language server's connection), else thrown.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
        if (stream === process.stdout && !closed) {
          closed = true;
          stop?.();
        }
        return;
      }
      if (stream.listenerCount('error') === 1) throw error;
    });
  }
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    now: () => new Date(),
    onInterrupt(handler) {
      // The first Ctrl-C (or SIGTERM) asks the work to stop cleanly; a second one ends the process
      // at once, whatever it is doing: a signal always works.
      let asked = false;
      const on = (): void => {
        if (asked) process.exit(130);
        asked = true;
        handler();
      };
      process.on('SIGINT', on);
      process.on('SIGTERM', on);
      stop = handler;
      return () => {
        process.off('SIGINT', on);
        process.off('SIGTERM', on);
        if (stop === handler) stop = undefined;
      };
    },
  };
}

/** Today in the machine's time zone, YYYY-MM-DD: what a Swedish user means by "today". */
export function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
