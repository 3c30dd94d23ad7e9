// Did-you-mean: the closest candidates to a misspelt name by edit distance.

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** How many edits still count as a typo: two for short names, at most four for long ids. */
const limitFor = (input: string): number => Math.max(2, Math.min(4, Math.floor(input.length / 3)));

/** Edit distance, or limit + 1 as soon as it must exceed `limit`. */
function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

function rank(input: string, names: Iterable<string>, max: number): string[] {
  const needle = input.toLowerCase();
  const limit = limitFor(needle);
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(names)) {
    const hay = name.toLowerCase();
    // A name that contains what was typed ("hallsberg" → "lpo-hallsberg") counts as close.
    const contains = needle.length >= 4 && hay.includes(needle);
    if (Math.abs(hay.length - needle.length) > limit && !contains) continue;
    let score = boundedDistance(needle, hay, limit);
    if (score > limit && contains) score = limit;
    if (score <= limit) scored.push({ name, score });
  }
  scored.sort((x, y) => x.score - y.score || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return scored.slice(0, max).map((s) => s.name);
}

/** Up to `max` candidates close enough to be a plausible typo, best first, ties by name. */
export function suggest(input: string, candidates: Iterable<string>, max = 3): string[] {
  return rank(input, candidates, max);
}

const bigrams = (text: string): string[] => {
  const t = `^${text.toLowerCase()}$`;
  return Array.from({ length: t.length - 1 }, (_, i) => t.slice(i, i + 2));
};

/**
 * Suggestions among many names (every id of a national repository). Edit distance d destroys at
 * most 2d bigrams, so a name sharing fewer than `bigrams - 2·limit` bigrams with the input cannot be
 * within the limit; the index finds the rest without comparing the input to every name.
 */
export class SuggestionIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly names: string[];
  /** A missing id is often referred to many times (every follow-up of a missing document). */
  private readonly asked = new Map<string, string[]>();

  constructor(names: Iterable<string>) {
    this.names = [...new Set(names)];
    this.names.forEach((name, i) => {
      for (const g of new Set(bigrams(name))) {
        const list = this.postings.get(g);
        if (list) list.push(i);
        else this.postings.set(g, [i]);
      }
    });
  }

  suggest(input: string, max = 3): string[] {
    const key = `${max}:${input}`;
    let found = this.asked.get(key);
    if (!found) this.asked.set(key, (found = this.search(input, max)));
    return [...found];
  }

  private search(input: string, max: number): string[] {
    const grams = [...new Set(bigrams(input))];
    const need = grams.length - 2 * limitFor(input);
    // Very short input: the bound says nothing, every name is a candidate.
    if (need <= 0) return rank(input, this.names, max);
    // Counting in a typed array: the common bigrams of a national repository's ids ("20", "-2")
    // have postings with thousands of names, and a map per query would be many times slower.
    const counts = new Uint16Array(this.names.length);
    const candidates: string[] = [];
    for (const g of grams) {
      for (const i of this.postings.get(g) ?? []) if (++(counts[i] as number) === need) candidates.push(this.names[i] as string);
    }
    // Names containing what was typed may share few bigrams with it: keep those too.
    const needle = input.toLowerCase();
    if (input.length >= 4) for (const name of this.names) if (name.includes(needle)) candidates.push(name);
    return rank(input, candidates, max);
  }
}
