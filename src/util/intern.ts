// One string object per distinct id: V8 compares strings by identity first, and keeps a string's
// hash in it, so the thousands of id lookups of every watch-mode run compare no characters.

const canonical = new Map<string, string>();
/** Ids of a long watch session come and go: the table starts over now and then. */
const LIMIT = 1_000_000;

export function interned(text: string): string {
  const hit = canonical.get(text);
  if (hit !== undefined) return hit;
  if (canonical.size >= LIMIT) canonical.clear();
  canonical.set(text, text);
  return text;
}
