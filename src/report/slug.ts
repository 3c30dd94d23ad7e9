// The anchors GitHub gives Markdown headings (github-slugger): lower case, every character that is
// not a letter, mark, number, connector, hyphen or space removed, spaces to hyphens; a repeated
// slug gets -1, -2, … in page order.

const DROP = /[^\p{L}\p{M}\p{N}\p{Pc} -]/gu;

/** A heading's slug without the repeat suffix. */
export function githubSlug(text: string): string {
  return text.toLowerCase().replace(DROP, '').replace(/ /g, '-');
}

/** Slugs for one page's headings, in order. */
export class Slugger {
  private readonly seen = new Map<string, number>();

  slug(text: string): string {
    const base = githubSlug(text);
    let result = base;
    while (this.seen.has(result)) {
      const n = (this.seen.get(base) ?? 0) + 1;
      this.seen.set(base, n);
      result = `${base}-${n}`;
    }
    this.seen.set(result, 0);
    return result;
  }
}

/** The text GitHub shows for a Markdown heading's source: escapes, emphasis and link targets gone. */
export function headingText(source: string): string {
  return source
    .replace(/\s+#+\s*$/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .trim();
}

/** The ATX headings of a Markdown text, in order, outside fenced code. */
export function markdownHeadings(markdown: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f?.[1]) {
      if (fence === undefined) fence = f[1][0];
      else if (f[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const h = /^ {0,3}#{1,6}[ \t]+(.*)$/.exec(line);
    if (h) out.push(headingText(h[1] ?? ''));
  }
  return out;
}
