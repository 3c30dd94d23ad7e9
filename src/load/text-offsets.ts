// Where a character of a string value stands in the YAML source: a scalar's value is its source
// with quotes, escapes, line folding and block indentation taken away, so the two are walked side
// by side (plain, '…', "…", | and > scalars alike).

/**
 * The source offsets (relative to `source`, the scalar's text as written, from its first
 * character) of value offsets `start` and `end` (exclusive), or undefined where the two cannot be
 * matched up: the caller then points at the whole value.
 */
export function sourceSpan(source: string, value: string, start: number, end: number): [number, number] | undefined {
  const first = source.charAt(0);
  const double = first === '"';
  const single = first === "'";
  let i = double || single ? 1 : 0;
  if (first === '|' || first === '>') {
    const nl = source.indexOf('\n');
    if (nl < 0) return undefined;
    i = nl + 1;
  }
  let from = -1;
  for (let j = 0; j <= value.length && i <= source.length; ) {
    if (j === start) from = i;
    if (j === end) return from < 0 ? undefined : [from, lastCharEnd(source, i)];
    if (j === value.length) return undefined;
    const v = value.charAt(j);
    const s = source.charAt(i);
    if (double && s === '\\') {
      const next = source.charAt(i + 1);
      if (next === '\n' || next === '\r') {
        // An escaped line break joins the lines: no character of the value.
        i += 2;
        while (i < source.length && /[ \t\r\n]/.test(source.charAt(i))) i++;
        continue;
      }
      i += next === 'x' ? 4 : next === 'u' ? 6 : next === 'U' ? 10 : 2;
      j++;
      continue;
    }
    if (single && s === "'" && source.charAt(i + 1) === "'") {
      i += 2;
      j++;
      continue;
    }
    if (s === v) {
      i++;
      j++;
      continue;
    }
    if (/[ \t\r\n]/.test(s)) {
      // A folded line break (or several) stands for one space or line break in the value, and
      // indentation stands for nothing.
      const folds = /[ \n]/.test(v);
      while (i < source.length && /[ \t\r\n]/.test(source.charAt(i))) i++;
      if (folds) j++;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** The end of a span is just after its last character, not after the white space that follows. */
function lastCharEnd(source: string, at: number): number {
  let e = at;
  while (e > 0 && /[ \t\r\n]/.test(source.charAt(e - 1))) e--;
  return e;
}
