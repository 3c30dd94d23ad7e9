// Colour for the terminal format. chalk takes about 10 ms to load, a tenth of a small run, so it
// is loaded only when a run may colour its output (a terminal, or --color).

export interface Paint {
  underline(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  redBold(text: string): string;
  yellowBold(text: string): string;
  /** Code in a message: `orsak`, `kind: Aktor`. */
  code(text: string): string;
}

const same = (text: string): string => text;
const PLAIN: Paint = { underline: same, dim: same, red: same, yellow: same, green: same, redBold: same, yellowBold: same, code: same };

let colored: Paint | undefined;

export async function loadColor(): Promise<void> {
  if (colored) return;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  colored = {
    underline: (t) => c.underline(t),
    dim: (t) => c.dim(t),
    red: (t) => c.red(t),
    yellow: (t) => c.yellow(t),
    green: (t) => c.green(t),
    redBold: (t) => c.red.bold(t),
    yellowBold: (t) => c.yellow.bold(t),
    code: (t) => c.cyan(t),
  };
}

/** Colours when asked for and loaded (`loadColor`, which the CLI awaits first); otherwise the text as it is. */
export function paint(color: boolean): Paint {
  return color && colored ? colored : PLAIN;
}
