// A neutral page structure: the page builders say what a page contains, the renderers how it looks.

export type PageId = string;

export type Inline =
  | string
  /** `mdAnchor`: the anchor GitHub gives the target heading on another page (same-page anchors are worked out by the renderer). */
  | { text: string; page: PageId; anchor?: string; mdAnchor?: string }
  | { text: string; href: string }
  | { strong: string }
  | { status: string; text: string };

export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; text: string; id?: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; items: Block[][]; ordered?: boolean; label?: string }
  /** `outcome`: promise and outcome side by side (promised, done so far, state, deadline). */
  | { kind: 'facts'; items: [string, Inline[]][]; variant?: 'outcome' }
  /** A status overview drawn in HTML (legible at any width and in forced colours); the table says the same. */
  | { kind: 'bars'; caption: string; rows: { status: string; label: string; count: number }[]; equivalent: Block }
  /**
   * `rows` may be made as they are read (a national overview's tables are most of its size, and
   * need not all be in memory at once); it can be read more than once (a page in both formats).
   */
  | { kind: 'table'; caption: string; head: string[]; rows: Iterable<Inline[][]> }
  | { kind: 'markdown'; source: string; baseLevel: number }
  /** A picture with a caption about the picture; Markdown gives only `equivalent`, which has its own caption. */
  | { kind: 'figure'; svg: string; caption: string; equivalent: Block };

export interface Page {
  id: PageId;
  title: string;
  /** One line a reader takes in at a glance, before anything else ("8 pågår · 1 försenat · …"). */
  verdict?: string;
  lead?: Inline[];
  blocks: Block[];
  /** The footer's lines: sender, contact, "senast uppdaterad" (see pages/footer.ts). */
  footer: Inline[][];
  /** The site's open data, as this page links it (src/export/pages.ts). */
  openData?: PageOpenData;
}

export interface PageOpenData {
  /** One sentence for the footer: where the data is and under which licence. */
  notice: Inline[];
  /** The Atom feed, relative to the page. */
  feed: string;
  /** schema.org JSON-LD for the page's head, already safe inside <script>. */
  jsonLd?: string;
}

/** A table's rows, each made from its item when the renderer reaches it. */
export const rowsOf = <T>(items: readonly T[], row: (item: T) => Inline[][]): Iterable<Inline[][]> => ({
  *[Symbol.iterator]() {
    for (const item of items) yield row(item);
  },
});

export const p = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
export const h = (level: 2 | 3 | 4, text: string, id?: string): Block => ({ kind: 'heading', level, text, ...(id ? { id } : {}) });

/** A link from one page to another that works from a file system and a web server alike. */
export function relativeLink(from: PageId, to: PageId, ext: string, anchor?: string): string {
  const depth = from.split('/').length - 1;
  return `${'../'.repeat(depth)}${to}${ext}${anchor ? `#${anchor}` : ''}`;
}
