// The stage file of the persistent cache (see index.ts): what the repository stage kept of each
// file, in columns that read back in a few pieces, and the lazy results and documents a run with
// few changed files is seeded with (their values read from the files' entries only when asked for),
// with an index over the columns (`ColumnIndex`) that the seeded stage asks instead of indexing
// every document: a file's documents are made when an answer or the stage first holds them.

import type { FileResult } from '../check/file.js';
import { OWN_FACTS, signatureOfFields, type EntityFacts, type SeedIndex } from '../check/repository.js';
import { START_LOCATOR } from '../diagnostics/make.js';
import type { Diagnostic, DocPath, Range } from '../diagnostics/types.js';
import type { BrokenFile } from '../links/cascade.js';
import type { DisableDirective } from '../load/directives.js';
import type { DiscoveredFile } from '../load/discover.js';
import { stampText, type LoadedDocument, type SkippedFile } from '../load/index.js';
import type { LocateTarget, Locator } from '../load/locator.js';
import { isPlainObject, type ParseLimits } from '../load/parse.js';
import { KINDS, type Kind } from '../model/kinds.js';
import type { Entity } from '../schema/index.js';

/**
 * A document as the repository stage needs it without its value: kind, id, valid, index in its
 * file, the ids it names, whether its promises cannot be read, and the value's SLIM_FIELDS (a
 * string, false for another value, undefined when absent).
 */
export type SeedEntity = [kind: Kind, id: string | undefined, valid: boolean, index: number, refs: string[], unreadable: boolean, slim: (string | false | undefined)[]];

/** What the stage file keeps of a file besides its documents, when any of it is there: why it was skipped, and the stage's record of it. */
export type StageExtra = [skipped: SkippedFile | undefined, repository: Diagnostic[], broken: BrokenFile | undefined, shown: Diagnostic[]];

/** Ints per document in a stage shard's `entities`: kind (its place in KINDS), id (-1 for none), flags, index in its file, first ref, how many refs. */
export const ENTITY_INTS = 6;
const VALID = 1;
const UNREADABLE = 2;

/**
 * A stage shard (`stage-NN`): its files' entries in a few columns, not an object per file and
 * document (V8 reads a typed array back in one piece; ten thousand small objects cost their
 * reading and the garbage collector's time all run long). Ids are numbers into the stage file's
 * table of ids; a file's documents are consecutive.
 */
export interface StageColumns {
  /** Per file (by row: the stage file says which file is at which row), its first document and how many it has. */
  files: Int32Array;
  /** Per document, ENTITY_INTS ints. */
  entities: Int32Array;
  /** The ids the documents name. */
  refs: Int32Array;
  /**
   * Per document, its SLIM_LIST fields (see `Slim`), as a tag each (SLIM_TAGS) and their texts as
   * one UTF-8 text (NUL between them): most runs look at a few documents' fields, and ten thousands
   * of strings cost their reading whether looked at or not (see `slimOf`).
   */
  slimTags: Uint8Array;
  slimText: Uint8Array;
  /** By row, for files skipped or with findings. */
  extra: Map<number, StageExtra>;
}

/** A SLIM_LIST field of a document: text, true where it is the document's own kind or id, false for another value, undefined when absent. */
export type Slim = string | boolean | undefined;

/** How `StageColumns.slimTags` keeps a field; a text is the next of `slimText`. */
const SLIM_TAGS = { absent: 0, other: 1, own: 2, text: 3 } as const;

const slimValues = new WeakMap<StageColumns, Slim[]>();

/** A shard's SLIM_LIST fields, per document, made from its columns when first asked for. */
function slimOf(cols: StageColumns): Slim[] {
  let values = slimValues.get(cols);
  if (!values) {
    const texts = cols.slimTags.includes(SLIM_TAGS.text) ? Buffer.from(cols.slimText.buffer, cols.slimText.byteOffset, cols.slimText.byteLength).toString('utf8').split('\u0000') : [];
    let next = 0;
    values = Array.from(cols.slimTags, (tag) => (tag === SLIM_TAGS.text ? texts[next++] : tag === SLIM_TAGS.own ? true : tag === SLIM_TAGS.other ? false : undefined));
    slimValues.set(cols, values);
  }
  return values;
}

/** A shard's SLIM_LIST fields as its columns keep them; undefined when a text holds a NUL (it would read back as two). */
export function slimColumns(slim: readonly Slim[]): { slimTags: Uint8Array; slimText: Uint8Array } | undefined {
  const texts: string[] = [];
  const slimTags = Uint8Array.from(slim, (v) => {
    if (typeof v !== 'string') return v === true ? SLIM_TAGS.own : v === false ? SLIM_TAGS.other : SLIM_TAGS.absent;
    texts.push(v);
    return SLIM_TAGS.text;
  });
  if (texts.some((t) => t.includes('\u0000'))) return undefined;
  return { slimTags, slimText: Buffer.from(texts.join('\u0000'), 'utf8') };
}

/** The paths of the stage file as one UTF-8 text (NUL between them). */
export interface DiskStagePaths {
  key: string;
  token: string;
  files: Uint8Array;
}

/** A stage shard on disk: its columns, with the key and the token it was written with. */
export interface DiskStageShard extends StageColumns {
  key: string;
  token: string;
}

/**
 * The stage file on disk: the stamps as their numbers (see `CurrentStamps`), the ids as one UTF-8
 * text (NUL between them), each of which reads back many times faster than a list of ten thousand strings; the paths in `stage-paths`
 * (written again only when they change: most runs keep them); the files' entries in SHARDS files
 * of their own (`stage-NN`, by path). Each part is named here by the token it was written with,
 * so that a run rewrites only those that changed.
 */
export interface DiskStage {
  key: string;
  token: string;
  /** The token of `stage-paths`, and the checksum of the paths it holds (`pathsChecksum`): a run over the same files need not read them. */
  paths: string;
  pathsSum: string;
  /** Each file's stamp as `CurrentStamps.numbers` holds it; NaN for a racy one, which no stamp matches. */
  stamps: Float64Array;
  ids: Uint8Array;
  /** How many ids `ids` holds: a text that splits into another number is not the table written. */
  idCount: number;
  /** Each file's shard and its row there. */
  places: Uint8Array;
  rows: Int32Array;
  /** How many of the ids were in use when they were last counted (see `compactIds`). */
  used: number;
  shards: string[];
}

/** The repository stage as the last run left it, by file in the state's order. */
export interface StageFile {
  files: string[];
  /** Each file's stamp, as `CurrentStamps.numbers` holds them; NaN for a racy one, which no stamp matches. */
  stamps: Float64Array;
  ids: string[];
  /** Each file's shard, and its row there. */
  places: Uint8Array;
  rows: Int32Array;
  shards: StageColumns[];
}

/** A stage shard as it is made, before it is written. */
export interface ShardBuilder {
  files: number[];
  entities: number[];
  refs: number[];
  slim: Slim[];
  extra: Map<number, StageExtra>;
}

export const EMPTY: Diagnostic[] = Object.freeze([]) as unknown as Diagnostic[];

/** The fields of a document that every failing reference may look at (kind, actor type, names for suggestions). */
export const SLIM_LIST = ['kind', 'id', 'typ', 'namn', 'titel', 'kortnamn'];
const SLIM_AT = new Map(SLIM_LIST.map((f, i) => [f, i]));

/** What `compactIds` reads of a shard, made in this run or read. */
export interface ShardLike {
  entities: ArrayLike<number>;
  refs: ArrayLike<number>;
}

/**
 * The stage file's table of ids goes on from run to run (the entries of files that did not change
 * refer to it), so it keeps ids no document has or names any more. `used`: how many are in use.
 * When the others are more, `kept`: a table of those in use alone (in the same order), and where
 * each id of the old table `moved` to (see `remapIds`).
 */
export function compactIds(shards: readonly ShardLike[], ids: readonly string[]): { kept?: string[]; moved: Int32Array; used: number } {
  const used = new Uint8Array(ids.length);
  let count = 0;
  const use = (at: number): void => {
    if (at >= 0 && used[at] === 0) {
      used[at] = 1;
      count++;
    }
  };
  for (const shard of shards) {
    for (let e = 0; e < shard.entities.length; e += ENTITY_INTS) use(shard.entities[e + 1] as number);
    for (let k = 0; k < shard.refs.length; k++) use(shard.refs[k] as number);
  }
  const moved = new Int32Array(ids.length).fill(-1);
  if (ids.length - count <= count) return { moved, used: count };
  const kept: string[] = [];
  ids.forEach((id, i) => {
    if (used[i] === 1) {
      moved[i] = kept.length;
      kept.push(id);
    }
  });
  return { kept, moved, used: count };
}

/** Shards made in this run refer to the table `compactIds` kept (the shards read are not changed: lazy documents hold them). */
export function remapIds(shards: readonly ShardBuilder[], moved: Int32Array): void {
  const to = (at: number): number => (at < 0 ? -1 : (moved[at] as number));
  for (const b of shards) {
    for (let e = 0; e < b.entities.length; e += ENTITY_INTS) b.entities[e + 1] = to(b.entities[e + 1] as number);
    for (let k = 0; k < b.refs.length; k++) b.refs[k] = to(b.refs[k] as number);
  }
}

/** The documents of the file at `from` of a shard read, added to the file at `row` of one being made. */
export function copyEntities(b: ShardBuilder, row: number, cols: StageColumns, from: number): void {
  const first = cols.files[2 * from] as number;
  const count = cols.files[2 * from + 1] as number;
  const slims = SLIM_LIST.length;
  const slim = count > 0 ? slimOf(cols) : [];
  for (let e = first; e < first + count; e++) {
    const base = e * ENTITY_INTS;
    const refStart = cols.entities[base + 4] as number;
    const refCount = cols.entities[base + 5] as number;
    b.entities.push(cols.entities[base] as number, cols.entities[base + 1] as number, cols.entities[base + 2] as number, cols.entities[base + 3] as number, b.refs.length, refCount);
    for (let k = refStart; k < refStart + refCount; k++) b.refs.push(cols.refs[k] as number);
    for (let k = e * slims; k < (e + 1) * slims; k++) b.slim.push(slim[k]);
  }
  b.files[2 * row + 1] = count;
}

/** A document (as `seedEntity` gives it) added to the file at `row` of a shard being made; `idOf` gives an id's number. */
export function addEntity(b: ShardBuilder, row: number, [kind, id, valid, index, refs, unreadable, slim]: SeedEntity, idOf: (id: string) => number): void {
  b.entities.push(KINDS.indexOf(kind), id === undefined ? -1 : idOf(id), (valid ? VALID : 0) | (unreadable ? UNREADABLE : 0), index, b.refs.length, refs.length);
  for (const ref of refs) b.refs.push(idOf(ref));
  slim.forEach((v, k) => b.slim.push((k === 0 && v === kind) || (k === 1 && v !== undefined && v === id) || v));
  b.files[2 * row + 1] = (b.files[2 * row + 1] as number) + 1;
}

/** A UTF-8 text of the stage file as its parts (NUL between them). */
export function splitText(bytes: Uint8Array): string[] {
  return bytes.byteLength === 0 ? [] : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').split('\u0000');
}

/** A stage shard's columns from what was read, or undefined when they are not what lofte writes (`ids`: the size of the table of ids). */
export function stageColumns(x: Record<string, unknown>, ids: number): StageColumns | undefined {
  const { files, entities, refs, slimTags, slimText, extra } = x;
  if (!(files instanceof Int32Array) || !(entities instanceof Int32Array) || !(refs instanceof Int32Array) || !(slimTags instanceof Uint8Array) || !(slimText instanceof Uint8Array) || !(extra instanceof Map)) return undefined;
  const count = files.length / 2;
  const documents = entities.length / ENTITY_INTS;
  if (!Number.isInteger(count) || !Number.isInteger(documents) || slimTags.length !== documents * SLIM_LIST.length) return undefined;
  for (let f = 0; f < count; f++) {
    const first = files[2 * f] as number;
    const count = files[2 * f + 1] as number;
    if (first < 0 || count < 0 || first + count > documents) return undefined;
  }
  for (let e = 0; e < entities.length; e += ENTITY_INTS) {
    const kind = entities[e] as number;
    const id = entities[e + 1] as number;
    const flags = entities[e + 2] as number;
    const first = entities[e + 4] as number;
    const count = entities[e + 5] as number;
    if (kind < 0 || kind >= KINDS.length || id < -1 || id >= ids || flags < 0 || flags > (VALID | UNREADABLE) || (entities[e + 3] as number) < 0) return undefined;
    if (first < 0 || count < 0 || first + count > refs.length) return undefined;
  }
  // Indexed loops: a run reads every shard once, before V8 has made for-of over a typed array fast.
  for (let k = 0; k < refs.length; k++) if ((refs[k] as number) < 0 || (refs[k] as number) >= ids) return undefined;
  // As many texts as tags say (NUL between them), without reading them.
  let texts = 0;
  for (let k = 0; k < slimTags.length; k++) {
    const tag = slimTags[k] as number;
    if (tag > SLIM_TAGS.text) return undefined;
    if (tag === SLIM_TAGS.text) texts++;
  }
  // Counted in the bytes as Latin-1 text (no byte of a UTF-8 character but NUL itself is 0): a
  // string's indexOf is a builtin, where a Buffer's crosses into C++ at every NUL (4 times slower).
  let nuls = 0;
  const text = Buffer.from(slimText.buffer, slimText.byteOffset, slimText.byteLength).toString('latin1');
  for (let at = text.indexOf('\u0000'); at >= 0; at = text.indexOf('\u0000', at + 1)) nuls++;
  if (texts === 0 ? slimText.length !== 0 : nuls !== texts - 1) return undefined;
  for (const [row, e] of extra as Map<unknown, unknown>) {
    if (typeof row !== 'number' || !Number.isInteger(row) || row < 0 || row >= count) return undefined;
    if (!Array.isArray(e) || e.length !== 4 || (e[0] !== undefined && !isPlainObject(e[0])) || !Array.isArray(e[1]) || (e[2] !== undefined && !isPlainObject(e[2])) || !Array.isArray(e[3])) return undefined;
  }
  return { files, entities, refs, slimTags, slimText, extra: extra as Map<number, StageExtra> };
}


/** A file of the stage file whose result is read from the cache when first asked for. */
export class LazyFileResult implements FileResult {
  readonly file: string;
  readonly skipped?: SkippedFile;
  full: FileResult | undefined;
  /** This run found the file with the stamp the stage file gives (`stamp`). */
  sameStamp = false;
  /** Its documents, made when first asked for (a run where one file changed looks at few files' documents). */
  private made: Entity[] | undefined;

  constructor(
    private readonly cache: { loadLazy(lazy: LazyFileResult): FileResult },
    readonly discovered: DiscoveredFile,
    /** The stage file's stamps, and this file's place among them. */
    private readonly stamps: Float64Array,
    private readonly at: number,
    readonly limits: ParseLimits,
    /** The stage shard (its number and columns) and row this result was made from, and the table of ids they refer to. */
    readonly shard: number,
    readonly cols: StageColumns,
    readonly row: number,
    skipped: SkippedFile | undefined,
    readonly ids: readonly string[],
  ) {
    this.file = discovered.name;
    if (skipped) this.skipped = skipped;
  }

  /** The stamp the stage file gives, as text (see `fileStamp`): made when asked for, as few are. */
  get stamp(): string {
    return stampText(this.stamps, this.at);
  }

  /** The whole result (`loadLazy` keeps it in `full`). */
  load(): FileResult {
    return this.cache.loadLazy(this);
  }

  get entities(): Entity[] {
    if (this.made) return this.made;
    const made: Entity[] = [];
    const first = this.cols.files[2 * this.row] as number;
    const end = first + (this.cols.files[2 * this.row + 1] as number);
    for (let e = first; e < end; e++) made.push(new SeededEntity(this, e));
    return (this.made = made);
  }

  get diagnostics(): Diagnostic[] {
    return this.load().diagnostics;
  }

  get directives(): DisableDirective[] {
    return this.load().directives;
  }
}

/**
 * A document of the stage file, with its facts at hand: the ids it names and whether its promises
 * can be read, and its signature worked out from the fields the stage file keeps (never from its
 * value, which for a file changed since is not to be had). Its value (a Proxy over this object) and
 * positions are read from its file's entry when first asked for. One object is the document, its
 * facts, its loaded document and its locator: the stage file holds ten thousands of them.
 */
export class SeededEntity implements Entity, LoadedDocument, Locator, EntityFacts {
  kind: Kind;
  id: string | undefined;
  valid: boolean;
  doc: LoadedDocument;
  readonly file: string;
  readonly index: number;
  locator: Locator;
  readonly refs: string[];
  readonly unreadable: boolean;
  /** The whole value, once read. */
  whole: Record<string, unknown> | undefined = undefined;
  private signature: string | undefined = undefined;
  /** The value as others see it, made when first asked for (a run looks at few). */
  private proxy: Record<string, unknown> | undefined = undefined;

  /** `at`: the document's place among its shard's documents. */
  constructor(
    readonly lazy: LazyFileResult,
    readonly at: number,
  ) {
    const ints = lazy.cols.entities;
    const base = at * ENTITY_INTS;
    const id = ints[base + 1] as number;
    const flags = ints[base + 2] as number;
    this.kind = KINDS[ints[base] as number] as Kind;
    this.id = id < 0 ? undefined : lazy.ids[id];
    this.valid = (flags & VALID) !== 0;
    this.file = lazy.file;
    this.index = ints[base + 3] as number;
    const first = ints[base + 4] as number;
    const count = ints[base + 5] as number;
    const refs: string[] = [];
    for (let k = first; k < first + count; k++) refs.push(lazy.ids[lazy.cols.refs[k] as number] as string);
    this.refs = refs;
    this.unreadable = (flags & UNREADABLE) !== 0;
    this.doc = this;
    this.locator = this;
  }

  get [OWN_FACTS](): EntityFacts {
    return this;
  }

  get value(): Record<string, unknown> {
    return (this.proxy ??= new Proxy<SeededEntity>(this, LAZY_VALUE) as unknown as Record<string, unknown>);
  }

  /** A SLIM_LIST field as the stage file keeps it (see `Slim`). */
  slim(at: number): Slim {
    return slimOf(this.lazy.cols)[this.at * SLIM_LIST.length + at];
  }

  get sig(): string {
    const field = (name: string): unknown => this.slim(SLIM_AT.get(name) as number);
    return (this.signature ??= signatureOfFields(this.kind, this.id, field('typ'), field('namn'), field('titel'), field('kortnamn')));
  }

  locate(at: DocPath, target?: LocateTarget): Range {
    return (this.lazy.load().entities.find((e) => e.doc.index === this.index)?.doc.locator ?? START_LOCATOR).locate(at, target);
  }
}

function wholeValue(t: SeededEntity): Record<string, unknown> {
  return (t.whole ??= t.lazy.load().entities.find((e) => e.doc.index === t.index)?.value ?? {});
}

/** One handler for every lazy value: reads of SLIM_FIELDS are answered from the stage file, everything else from the whole value. */
const LAZY_VALUE: ProxyHandler<SeededEntity> = {
  get(t, prop) {
    if (t.whole === undefined && typeof prop === 'string') {
      const at = SLIM_AT.get(prop);
      if (at !== undefined) {
        const v = t.slim(at);
        if (v === true) return at === 0 ? t.kind : t.id;
        if (v !== false) return v;
      }
    }
    return Reflect.get(wholeValue(t), prop);
  },
  has: (t, prop) => Reflect.has(wholeValue(t), prop),
  ownKeys: (t) => Reflect.ownKeys(wholeValue(t)),
  getOwnPropertyDescriptor: (t, prop) => Reflect.getOwnPropertyDescriptor(wholeValue(t), prop),
  set: (t, prop, v) => Reflect.set(wholeValue(t), prop, v),
  deleteProperty: (t, prop) => Reflect.deleteProperty(wholeValue(t), prop),
  defineProperty: (t, prop, d) => Reflect.defineProperty(wholeValue(t), prop, d),
};


/**
 * The repository stage's index of the last run's documents (see `SeedIndex`), answered from the
 * stage file's columns: who defines an id, who names it, which promises cannot be read. A document
 * becomes an object only when an answer holds it (its file's `entities`), so a run where one file
 * changed makes the few its change reaches, not ten thousand; an id is looked up in the table
 * only when asked for (a map of the whole table costs more than the few a run asks for).
 */
export class ColumnIndex implements SeedIndex {
  /** By document (in repository order): its file's place in `files`, its place among that file's documents, its id's place in the table (-1 for none). */
  private readonly docFile: Int32Array;
  private readonly docAt: Int32Array;
  private readonly docId: Int32Array;
  /**
   * Documents by the place in the table of the id they define (documents without an id after the
   * table's end) and of each id they name: the run of `defs`/`names` from `defStart`/`nameStart`,
   * in repository order.
   */
  private readonly defStart: Int32Array;
  private readonly defs: Int32Array;
  private readonly nameStart: Int32Array;
  private readonly names: Int32Array;
  private readonly unreadableDocs: number[] = [];
  /** Ids looked up so far, and (after a few) each id's first place in the table, and any further places. */
  private lookups = 0;
  private placeOf: Map<string, number> | undefined;
  private readonly morePlaces = new Map<string, number[]>();
  private firstOf: Map<string, number> | undefined;

  /** `files`: the last run's results, in the stage file's order (`stage`'s). */
  constructor(
    private readonly files: readonly LazyFileResult[],
    private readonly stage: Pick<StageFile, 'ids' | 'places' | 'rows' | 'shards'>,
  ) {
    const { ids, places, rows, shards } = stage;
    const buckets = ids.length + 1;
    // As many documents and references as the shards hold at most (a skipped file's are left out).
    let most = 0;
    let mostRefs = 0;
    for (const cols of shards) {
      most += cols.entities.length / ENTITY_INTS;
      mostRefs += cols.refs.length;
    }
    const docFile = new Int32Array(most);
    const docAt = new Int32Array(most);
    const docId = new Int32Array(most);
    const nameOf = new Int32Array(mostRefs);
    const nameDoc = new Int32Array(mostRefs);
    const defCount = new Int32Array(buckets + 1);
    const nameCount = new Int32Array(buckets + 1);
    /** The last document counted under each named id: a document naming one twice is under it once. */
    const lastNamer = new Int32Array(buckets).fill(-1);
    let g = 0;
    let r = 0;
    for (let i = 0; i < files.length; i++) {
      if ((files[i] as LazyFileResult).skipped) continue;
      const cols = shards[places[i] as number] as StageColumns;
      const row = rows[i] as number;
      const first = cols.files[2 * row] as number;
      const end = first + (cols.files[2 * row + 1] as number);
      for (let e = first; e < end; e++, g++) {
        const base = e * ENTITY_INTS;
        const id = cols.entities[base + 1] as number;
        docFile[g] = i;
        docAt[g] = e - first;
        docId[g] = id;
        (defCount[(id < 0 ? ids.length : id) + 1] as number)++;
        if (((cols.entities[base + 2] as number) & UNREADABLE) !== 0) this.unreadableDocs.push(g);
        const refStart = cols.entities[base + 4] as number;
        const refEnd = refStart + (cols.entities[base + 5] as number);
        for (let k = refStart; k < refEnd; k++) {
          const named = cols.refs[k] as number;
          if (lastNamer[named] === g) continue;
          lastNamer[named] = g;
          nameOf[r] = named;
          nameDoc[r++] = g;
          (nameCount[named + 1] as number)++;
        }
      }
    }
    const docs = g;
    this.docFile = docFile.subarray(0, docs);
    this.docAt = docAt.subarray(0, docs);
    this.docId = docId.subarray(0, docs);
    for (let b = 0; b < buckets; b++) {
      defCount[b + 1] = (defCount[b + 1] as number) + (defCount[b] as number);
      nameCount[b + 1] = (nameCount[b + 1] as number) + (nameCount[b] as number);
    }
    this.defStart = defCount.slice();
    this.nameStart = nameCount.slice();
    this.defs = new Int32Array(docs);
    this.names = new Int32Array(r);
    // Filled in document order: each run is in repository order.
    const defs = this.defs;
    for (let d = 0; d < docs; d++) {
      const id = docId[d] as number;
      defs[(defCount[id < 0 ? ids.length : id] as number)++] = d;
    }
    const names = this.names;
    for (let k = 0; k < r; k++) names[(nameCount[nameOf[k] as number] as number)++] = nameDoc[k] as number;
  }

  definers(key: string): Entity[] {
    const at = this.placesOf(key);
    return this.gather(this.defs, this.defStart, key === '' ? [...at, this.stage.ids.length] : at);
  }

  namers(key: string): Entity[] {
    return this.gather(this.names, this.nameStart, this.placesOf(key));
  }

  unreadable(): Entity[] {
    return this.unreadableDocs.map((d) => this.doc(d));
  }

  firstDefiner(id: string): Entity | undefined {
    // Every document under the id's places has it (those without an id are after the table's end).
    let first = -1;
    for (const b of this.placesOf(id)) {
      const start = this.defStart[b] as number;
      if (start < (this.defStart[b + 1] as number) && (first < 0 || (this.defs[start] as number) < first)) first = this.defs[start] as number;
    }
    return first < 0 ? undefined : this.doc(first);
  }

  *firstDefiners(): IterableIterator<[string, Entity]> {
    for (const [id, d] of this.firsts()) yield [id, this.doc(d)];
  }

  get idCount(): number {
    return this.firsts().size;
  }

  /** The first document defining each id (a document with the id '' is one, one without is none), in repository order. */
  private firsts(): Map<string, number> {
    if (this.firstOf) return this.firstOf;
    const firsts = new Map<string, number>();
    for (let d = 0; d < this.docId.length; d++) {
      const k = this.docId[d] as number;
      if (k < 0) continue;
      const id = this.stage.ids[k] as string;
      if (!firsts.has(id)) firsts.set(id, d);
    }
    return (this.firstOf = firsts);
  }

  /**
   * Where `id` is in the table: once in a table lofte wrote, but a table is not trusted to be that.
   * The first few are looked for in the table; a map of it is made for more (a run links and
   * rules dozens of documents, each naming a few ids).
   */
  private placesOf(id: string): number[] {
    const ids = this.stage.ids;
    if (!this.placeOf && ++this.lookups > 8) {
      const map = new Map<string, number>();
      ids.forEach((known, k) => {
        if (!map.has(known)) map.set(known, k);
        else {
          const more = this.morePlaces.get(known);
          if (more) more.push(k);
          else this.morePlaces.set(known, [k]);
        }
      });
      this.placeOf = map;
    }
    if (this.placeOf) {
      const first = this.placeOf.get(id);
      if (first === undefined) return [];
      const more = this.morePlaces.get(id);
      return more ? [first, ...more] : [first];
    }
    const at: number[] = [];
    for (let k = ids.indexOf(id); k >= 0; k = ids.indexOf(id, k + 1)) at.push(k);
    return at;
  }

  /** The documents of some runs of `list`, in repository order, each once. */
  private gather(list: Int32Array, start: Int32Array, buckets: readonly number[]): Entity[] {
    const docs: number[] = [];
    for (const b of buckets) for (let k = start[b] as number; k < (start[b + 1] as number); k++) docs.push(list[k] as number);
    if (buckets.length > 1) docs.sort((a, b) => a - b);
    const out: Entity[] = [];
    for (let k = 0; k < docs.length; k++) if (k === 0 || docs[k] !== docs[k - 1]) out.push(this.doc(docs[k] as number));
    return out;
  }

  /** A document as an object: its file's, so that every answer holds the same one. */
  private doc(d: number): Entity {
    return (this.files[this.docFile[d] as number] as LazyFileResult).entities[this.docAt[d] as number] as Entity;
  }
}
