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

/** Two rows of the distance table, reused: a query compares with many names. */
let rowA = new Uint16Array(64);
let rowB = new Uint16Array(64);

/** Edit distance, or limit + 1 as soon as it must exceed `limit`. */
function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rowA.length <= b.length) {
    rowA = new Uint16Array(b.length * 2 + 1);
    rowB = new Uint16Array(b.length * 2 + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    const done = prev;
    prev = cur;
    cur = done;
  }
  return prev[b.length] as number;
}

/**
 * How many names one query compares with, at most: a repository of 20,000 three-letter ids, each
 * misspelt, would otherwise compare every id with every other (a minute). Beyond it the first names
 * (in the order given) are compared; a normal repository never comes near.
 */
export const MAX_COMPARED_PER_QUERY = 4000;
/** How many comparisons one index makes in all; after that it suggests nothing more. */
export const MAX_COMPARED_PER_INDEX = 4_000_000;

function rank(input: string, names: Iterable<string>, max: number, budget = MAX_COMPARED_PER_QUERY): string[] {
  const needle = input.toLowerCase();
  const limit = limitFor(needle);
  const scored: { name: string; score: number }[] = [];
  let left = budget;
  for (const name of new Set(names)) {
    if (left-- <= 0) break;
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

/** Each bigram of a name, with ^ and $ at its ends, as one number (repeats included). */
function forEachBigram(text: string, use: (gram: number) => void): void {
  const t = `^${text.toLowerCase()}$`;
  for (let i = 0; i + 1 < t.length; i++) use(t.charCodeAt(i) * 65_536 + t.charCodeAt(i + 1));
}

/**
 * Suggestions among many names (every id of a national repository). Edit distance d destroys at
 * most 2d bigrams, so a name sharing fewer than `bigrams - 2·limit` bigrams with the input cannot be
 * within the limit; the index finds the rest without comparing the input to every name.
 */
export class SuggestionIndex {
  /** Bigram → the names that have it, as positions in `names`: a national index has half a million. */
  private readonly postings = new Map<number, Uint32Array>();
  private readonly names: string[];
  /** A missing id is often referred to many times (every follow-up of a missing document). */
  private readonly asked = new Map<string, string[]>();
  /** Comparisons this index may still make (MAX_COMPARED_PER_INDEX). */
  private budget = MAX_COMPARED_PER_INDEX;

  constructor(names: Iterable<string>) {
    this.names = [...new Set(names)];
    const lists = new Map<number, number[]>();
    this.names.forEach((name, i) => {
      forEachBigram(name, (g) => {
        const list = lists.get(g);
        if (!list) lists.set(g, [i]);
        else if (list[list.length - 1] !== i) list.push(i); // a bigram twice in one name counts once
      });
    });
    // Kept as typed arrays: half the memory of JS arrays of numbers, and none of their slack.
    for (const [g, list] of lists) this.postings.set(g, Uint32Array.from(list));
  }

  suggest(input: string, max = 3): string[] {
    const key = `${max}:${input}`;
    let found = this.asked.get(key);
    if (!found) this.asked.set(key, (found = this.search(input, max)));
    return [...found];
  }

  private search(input: string, max: number): string[] {
    const distinct = new Set<number>();
    forEachBigram(input, (g) => distinct.add(g));
    const grams = [...distinct];
    const need = grams.length - 2 * limitFor(input);
    // Very short input: the bound says nothing, every name is a candidate.
    if (need <= 0) return this.ranked(input, this.names, max);
    // Counting in a typed array: the common bigrams of a national repository's ids ("20", "-2")
    // have postings with thousands of names, and a map per query would be many times slower.
    // Counting costs too: postings scanned are charged to the budget (a comparison is ~16 steps).
    let scanned = 0;
    for (const g of grams) scanned += this.postings.get(g)?.length ?? 0;
    if (scanned / 16 > this.budget) return [];
    this.budget -= Math.ceil(scanned / 16);
    const counts = new Uint16Array(this.names.length);
    const candidates: string[] = [];
    for (const g of grams) {
      for (const i of this.postings.get(g) ?? []) if (++(counts[i] as number) === need) candidates.push(this.names[i] as string);
    }
    // A name that contains what was typed (which rank counts as close) is among them already: it
    // has every bigram of the input but the two at its ends, and `need` leaves out at least four.
    return this.ranked(input, candidates, max);
  }

  private ranked(input: string, candidates: readonly string[], max: number): string[] {
    const compared = Math.min(candidates.length, MAX_COMPARED_PER_QUERY, this.budget);
    if (compared <= 0) return [];
    this.budget -= compared;
    return rank(input, candidates, max, compared);
  }
}
