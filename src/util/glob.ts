// Glob matching for `ignorera:` without backtracking: the patterns become one automaton that is
// run over a path once, so any pattern costs at most (pattern length × path length) steps.
// A regular-expression translation (picomatch) takes exponential time on `*a*a*a*a*a*a*a*b`.

type Ast =
  | { k: 'seq'; items: Ast[] }
  | { k: 'alt'; options: Ast[] }
  | { k: 'char'; test: (c: string) => boolean }
  /** `*`: any characters but `/`. */
  | { k: 'star' }
  /** `**` as the whole pattern: anything. */
  | { k: 'any' }
  /** `**​/`: zero or more whole folders. */
  | { k: 'folders' }
  /** `/**` at the end: the folder itself or anything inside it. */
  | { k: 'inside' };

const notSlash = (c: string): boolean => c !== '/';
const literal = (ch: string): Ast => ({ k: 'char', test: (c) => c === ch });

/** Parses `*`, `**`, `?`, `[…]` (with `!`/`^` and ranges), `{a,b}` and `\` escapes. */
function parse(pattern: string): Ast {
  let pos = 0;
  const boundaryBefore = (at: number): boolean => at === 0 || '/{,'.includes(pattern[at - 1] ?? '');
  const boundaryAt = (at: number, inBrace: boolean): boolean => at >= pattern.length || pattern[at] === '/' || (inBrace && (pattern[at] === '}' || pattern[at] === ','));

  const seq = (inBrace: boolean): Ast => {
    const items: Ast[] = [];
    while (pos < pattern.length) {
      const ch = pattern[pos] as string;
      if (inBrace && (ch === ',' || ch === '}')) break;
      if (ch === '\\' && pos + 1 < pattern.length) {
        items.push(literal(pattern[pos + 1] as string));
        pos += 2;
      } else if (ch === '/' && pattern.startsWith('**', pos + 1) && boundaryAt(pos + 3, inBrace)) {
        items.push({ k: 'inside' });
        pos += 3;
      } else if (ch === '*') {
        const start = pos;
        while (pattern[pos] === '*') pos++;
        const globstar = pos - start >= 2 && boundaryBefore(start);
        if (globstar && pattern[pos] === '/') {
          items.push({ k: 'folders' });
          pos++;
        } else if (globstar && boundaryAt(pos, inBrace)) {
          items.push({ k: 'any' });
        } else {
          items.push({ k: 'star' });
        }
      } else if (ch === '?') {
        items.push({ k: 'char', test: notSlash });
        pos++;
      } else if (ch === '[' && classEnd(pattern, pos) > 0) {
        const end = classEnd(pattern, pos);
        items.push({ k: 'char', test: charClass(pattern.slice(pos + 1, end)) });
        pos = end + 1;
      } else if (ch === '{' && braceEnd(pattern, pos) > 0) {
        pos++;
        const options: Ast[] = [seq(true)];
        while (pattern[pos] === ',') {
          pos++;
          options.push(seq(true));
        }
        pos++; // the closing }
        items.push({ k: 'alt', options });
      } else {
        items.push(literal(ch));
        pos++;
      }
    }
    return { k: 'seq', items };
  };
  return seq(false);
}

/** The index of the `]` closing a class opened at `open`, or -1. */
function classEnd(pattern: string, open: number): number {
  let i = open + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
  }
  return -1;
}

/** The index of the `}` closing a brace opened at `open`, or -1. */
function braceEnd(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

function charClass(body: string): (c: string) => boolean {
  const negated = body[0] === '!' || body[0] === '^';
  const chars = [...(negated ? body.slice(1) : body).replace(/\\(.)/g, '$1')];
  const ranges: [string, string][] = [];
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i] as string;
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      ranges.push([a, chars[i + 2] as string]);
      i += 2;
    } else ranges.push([a, a]);
  }
  return (c) => c !== '/' && ranges.some(([lo, hi]) => c >= lo && c <= hi) !== negated;
}

type State = { k: 'char'; test: (c: string) => boolean; out: number } | { k: 'eps'; outs: number[] } | { k: 'match' };

/** Thompson's construction: each part of the pattern becomes states that lead to `next`. */
function build(ast: Ast, next: number, states: State[]): number {
  const add = (s: State): number => states.push(s) - 1;
  switch (ast.k) {
    case 'char':
      return add({ k: 'char', test: ast.test, out: next });
    case 'seq':
      return ast.items.reduceRight((to, item) => build(item, to, states), next);
    case 'alt':
      return add({ k: 'eps', outs: ast.options.map((o) => build(o, next, states)) });
    case 'star':
    case 'any': {
      const loop: State & { k: 'eps' } = { k: 'eps', outs: [] };
      const at = add(loop);
      loop.outs.push(add({ k: 'char', test: ast.k === 'star' ? notSlash : () => true, out: at }), next);
      return at;
    }
    case 'folders': {
      // (?:[^/]*\/)*: at a folder boundary, either go on or read one more folder name and its `/`.
      const boundary: State & { k: 'eps' } = { k: 'eps', outs: [] };
      const at = add(boundary);
      const inName: State & { k: 'eps' } = { k: 'eps', outs: [] };
      const name = add(inName);
      inName.outs.push(add({ k: 'char', test: notSlash, out: name }), add({ k: 'char', test: (c) => c === '/', out: at }));
      boundary.outs.push(name, next);
      return at;
    }
    case 'inside': {
      const rest = build({ k: 'any' }, next, states);
      return add({ k: 'eps', outs: [next, add({ k: 'char', test: (c) => c === '/', out: rest })] });
    }
  }
}

/**
 * A matcher for any of the patterns, with picomatch's `dot: true` meaning (no dotfile exception).
 * As in picomatch, a pattern that starts with `!` matches every path the rest does not match.
 */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  const negated = patterns.filter((p) => p.startsWith('!')).map((p) => automaton([p.slice(1)]));
  const positive = automaton(patterns.filter((p) => !p.startsWith('!')));
  return (path) => positive(path) || negated.some((m) => !m(path));
}

function automaton(patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const states: State[] = [{ k: 'match' }];
  const start = build({ k: 'alt', options: patterns.map(parse) }, 0, states);
  const seen = new Uint32Array(states.length);
  let stamp = 0;
  const close = (from: number[]): number[] => {
    stamp++;
    const out: number[] = [];
    const stack = [...from];
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (seen[s] === stamp) continue;
      seen[s] = stamp;
      const state = states[s] as State;
      if (state.k === 'eps') stack.push(...state.outs);
      else out.push(s);
    }
    return out;
  };
  return (path) => {
    let current = close([start]);
    for (const c of path) {
      const next: number[] = [];
      for (const s of current) {
        const state = states[s] as State;
        if (state.k === 'char' && state.test(c)) next.push(state.out);
      }
      if (next.length === 0) return false;
      current = close(next);
    }
    return current.includes(0);
  };
}
