// Maps character offsets in a file's text to 1-based line/column positions.

import type { Position, Range } from '../diagnostics/types.js';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - (this.starts[lo] ?? 0) + 1 };
  }

  /** The offset of a 1-based line and column, kept within its line; past the last line, the end of the text. */
  offset(line: number, column: number): number {
    if (line > this.starts.length) return this.text.length;
    const start = this.starts[line - 1] ?? 0;
    const next = this.starts[line] ?? this.text.length + 1;
    return Math.min(start + column - 1, next - 1);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }
}
