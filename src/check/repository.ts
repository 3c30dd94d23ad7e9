// The repository-wide half of a check, kept between runs and redone only where a change can reach
// (`lofte lsp` after a keystroke; watch mode and a warm cached run may use it too). Its result is
// the same as `analyse` over every file.
//
// A document's links and repository findings depend on its own value and on a few documents'
// values: those defining an id it defines or names (the first definition wins; one-party joins
// documents of one id) and, for a problembild or medborgarlöfte, those naming it (is it answered,
// followed up). So after a change the files redone are the changed ones and those whose findings
// depend on an old or new document of theirs, each worked out among the documents it depends on,
// against an index of the whole repository. Two things reach further and are redone whole when they
// change: the ids and names of each kind (the suggestions of every failing reference) and the
// medborgarlöften whose promises cannot be read (orphan-problembild looks into their text).
//
// A stage seeded from the persistent cache (`seed`) is told its index (`SeedIndex`) instead of
// indexing every document: the maps are filled from it for an id when first looked at, and a
// file's state is made when first asked for, so a run where one file changed looks at the files
// its change reaches (and those with findings to show), not at every file.

import { readFileSync } from 'node:fs';
import { compareStrings, type Diagnostic } from '../diagnostics/types.js';
import { applyDirectives } from '../load/directives.js';
import { DEFAULT_PARSE_LIMITS } from '../load/parse.js';
import { brokenFiles, withoutCascades, type BrokenFile } from '../links/cascade.js';
import { buildIndex, linkReferences, nameKey, referencedIds, type Link } from '../links/index.js';
import { asString } from '../model/access.js';
import { referenceData } from '../model/reference-data.js';
import { runRepositoryRules } from '../rules/index.js';
import type { Entity } from '../schema/index.js';
import { applySeverity, capPerFile, type Overlay, type ValidateOptions, type ValidationResult } from '../validate.js';
import type { SkippedFile } from '../load/index.js';
import type { FileResult } from './file.js';
import { stopwatch } from '../util/stopwatch.js';

/** Findings that come from linking: their suggestions depend on every id of a kind. */
const LINK_FAILURES = new Set(['unresolved-reference', 'reference-kind']);

/** The id a document is found under by others ('' for none: an Uppfoljning naming no medborgarlöfte meets it). */
const defKey = (e: Entity): string => e.id ?? '';

/** The ids a document names: its reference fields, and what a follow-up reports on. */
function refKeys(e: Entity): string[] {
  const ids = referencedIds(e);
  return e.kind === 'Uppfoljning' ? [...ids, asString(e.value['medborgarlofte']) ?? ''] : ids;
}

/** What others see of a document when their references fail: suggestions are drawn from these. */
function signature(e: Entity): string {
  const v = e.value;
  return signatureOfFields(e.kind, e.id, v['typ'], v['namn'], v['titel'], v['kortnamn']);
}

/**
 * `signature` from a document's kind and id and the fields of its value it looks at (the persistent
 * cache keeps them, or whether they are text): a field that is not text counts as absent.
 */
export function signatureOfFields(kind: string, id: string | undefined, typ: unknown, namn: unknown, titel: unknown, kortnamn: unknown): string {
  return [kind, kind === 'Aktor' ? typ : '', id ?? '', namn, titel, kortnamn].map((x) => (typeof x === 'string' ? x : '')).join('\u0000');
}

/** Where `name` is or would go in a list sorted by `compareStrings`. */
function sortedIndex(sorted: readonly string[], name: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < name) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Documents under one key of the stage's index: one alone (most ids), or a list in order. */
type Listed = Entity | Entity[];

const NONE: readonly Entity[] = [];

function listOf(listed: Listed | undefined): readonly Entity[] {
  return listed === undefined ? NONE : Array.isArray(listed) ? listed : [listed];
}

/** `e` taken out from under `key` (the key goes when none is left). */
function unlist(index: Map<string, Listed>, key: string, e: Entity): void {
  const list = index.get(key);
  if (list === e) index.delete(key);
  else if (Array.isArray(list)) {
    const at = list.indexOf(e);
    if (at < 0) return;
    list.splice(at, 1);
    if (list.length === 0) index.delete(key);
  }
}

/** A signature's fields: kind, actor type and id, then the names (see `signatureOfFields`). */
const SIGNATURE_IDS = 3;

/**
 * The kinds, actor types and ids of a file's documents, in their order: what suggestions draw on
 * besides names, and (by the order) which document defines an id first.
 */
function idsPart(list: readonly Entity[]): string {
  return list.map((e) => signatureOf(e).split('\u0000', SIGNATURE_IDS).join('\u0000')).join('\u0001');
}

/** A document's names that suggestions look at (those that are text). */
function namesPart(e: Entity): string[] {
  return signatureOf(e).split('\u0000').slice(SIGNATURE_IDS).filter((n) => n !== '');
}

/** Kinds whose findings depend on who names them: orphan-problembild, follow-up-missing. */
const NAMED_MATTERS = new Set<string>(['Problembild', 'Medborgarlofte']);

const unreadablePromises = (e: Entity): boolean => e.kind === 'Medborgarlofte' && !Array.isArray(e.value['loften']);

/** What the index needs of a document's value, worked out once per document (or given by the persistent cache). */
export interface EntityFacts {
  refs: string[];
  /** Worked out when first needed (only documents that changed are compared by it). */
  sig?: string;
  unreadable: boolean;
}

const factsMemo = new WeakMap<Entity, EntityFacts>();

/**
 * A document whose facts are known without its value (the persistent cache's, see `SeededEntity`)
 * gives them under this key: the index then never reads the value, and no memo entry is made for it.
 */
export const OWN_FACTS: unique symbol = Symbol('lofte.facts');

export function entityFacts(e: Entity): EntityFacts {
  const own = (e as Entity & { [OWN_FACTS]?: EntityFacts })[OWN_FACTS];
  if (own !== undefined) return own;
  let facts = factsMemo.get(e);
  if (!facts) factsMemo.set(e, (facts = { refs: refKeys(e), unreadable: unreadablePromises(e) }));
  return facts;
}

function signatureOf(e: Entity): string {
  const facts = entityFacts(e);
  return (facts.sig ??= signature(e));
}

/** What the stage keeps of one file besides its own result, as the persistent cache stores it. */
export interface StageRecord {
  repository: Diagnostic[];
  broken: BrokenFile | undefined;
  shown: Diagnostic[];
}

/**
 * The index of the documents a stage is seeded with, answered without making every document an
 * object (the persistent cache's, from its stage file's columns: see cache/stage.ts). Every answer
 * holds the documents of the seeded files' `entities`, the same objects each time.
 */
export interface SeedIndex {
  /** The documents whose `defKey` is `key`, in repository order. */
  definers(key: string): readonly Entity[];
  /** The documents naming `key` (see `refKeys`), each once, in repository order. */
  namers(key: string): readonly Entity[];
  /** The medborgarlöften whose promises cannot be read. */
  unreadable(): readonly Entity[];
  /** The first document with the id `id`, as `buildIndex` finds it. */
  firstDefiner(id: string): Entity | undefined;
  /** Every id with its first document, in repository order (as `buildIndex` makes its map). */
  firstDefiners(): IterableIterator<[string, Entity]>;
  readonly idCount: number;
}

/**
 * The ids of a seeded stage (see `SeedIndex`): the seed's first definitions, with those set since
 * (the same ids: a change of ids makes a map of all anew, see `update`). Iterated, it makes every
 * document an object, as a failing reference's suggestions need.
 */
class SeededIds implements ReadonlyMap<string, Entity> {
  private readonly over: Map<string, Entity>;

  constructor(
    private readonly seed: SeedIndex,
    over?: ReadonlyMap<string, Entity>,
  ) {
    this.over = new Map(over);
  }

  get(id: string): Entity | undefined {
    return this.over.get(id) ?? this.seed.firstDefiner(id);
  }

  has(id: string): boolean {
    return this.over.has(id) || this.seed.firstDefiner(id) !== undefined;
  }

  set(id: string, e: Entity): this {
    this.over.set(id, e);
    return this;
  }

  /** Another map of the same ids (caches keyed by the map, as names for suggestions are, see it as new). */
  copy(): SeededIds {
    return new SeededIds(this.seed, this.over);
  }

  get size(): number {
    let n = this.seed.idCount;
    for (const id of this.over.keys()) if (this.seed.firstDefiner(id) === undefined) n++;
    return n;
  }

  *entries(): MapIterator<[string, Entity]> {
    const seen = new Set<string>();
    for (const [id, e] of this.seed.firstDefiners()) {
      seen.add(id);
      yield [id, this.over.get(id) ?? e];
    }
    for (const [id, e] of this.over) if (!seen.has(id)) yield [id, e];
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<Entity> {
    for (const [, e] of this.entries()) yield e;
  }

  [Symbol.iterator](): MapIterator<[string, Entity]> {
    return this.entries();
  }

  forEach(fn: (e: Entity, id: string, map: ReadonlyMap<string, Entity>) => void, self?: unknown): void {
    for (const [id, e] of this.entries()) fn.call(self, e, id, this);
  }
}

interface FileState {
  result: FileResult;
  /** Links from this file's documents (undefined: seeded from the persistent cache, worked out when asked for). */
  links: Link[] | undefined;
  /** Link and repository-rule findings in this file, before cascades, disable comments and severities. */
  repository: Diagnostic[];
  broken: BrokenFile | undefined;
  /** What the file shows: every finding, in order. */
  shown: Diagnostic[];
}

/**
 * The stage's files' states by name. A seeded stage's are made from the seed when first asked for
 * (a run where one file changed asks for the few it reaches and those with findings to show); a
 * look at every one makes them all, as they were seeded.
 */
class FileStates {
  private made = new Map<string, FileState>();
  /** The files and records the stage was seeded with (`at`: by name), those no longer held, and those with link or repository findings. */
  private seeded: { at: ReadonlyMap<string, number>; files: readonly FileResult[]; records: readonly StageRecord[]; dropped: Set<string>; withFindings: number[] } | undefined;
  /** How many of the seed's files are still held. */
  private live = 0;

  seed(at: ReadonlyMap<string, number>, files: readonly FileResult[], records: readonly StageRecord[]): void {
    const withFindings: number[] = [];
    for (let i = 0; i < records.length; i++) if ((records[i] as StageRecord).repository.length > 0) withFindings.push(i);
    this.made = new Map();
    this.seeded = { at, files, records, dropped: new Set(), withFindings };
    this.live = files.length;
  }

  get(name: string): FileState | undefined {
    const known = this.made.get(name);
    const seeded = this.seeded;
    if (known || !seeded || seeded.dropped.has(name)) return known;
    const i = seeded.at.get(name);
    const result = i === undefined ? undefined : seeded.files[i];
    if (i === undefined || result?.file !== name) return undefined;
    const record = seeded.records[i] as StageRecord;
    const made: FileState = { result, links: undefined, repository: record.repository, broken: record.broken, shown: record.shown };
    this.made.set(name, made);
    return made;
  }

  set(name: string, state: FileState): void {
    this.made.set(name, state);
  }

  delete(name: string): void {
    this.made.delete(name);
    const seeded = this.seeded;
    if (seeded && !seeded.dropped.has(name) && seeded.files[seeded.at.get(name) ?? -1]?.file === name) {
      seeded.dropped.add(name);
      this.live--;
    }
  }

  get empty(): boolean {
    return this.made.size === 0 && (!this.seeded || this.live === 0);
  }

  /** The states with link or repository findings (the only ones a change of ids or names elsewhere can redo). */
  withFindings(): [string, FileState][] {
    const out = [...this.made].filter(([, s]) => s.repository.length > 0);
    const seeded = this.seeded;
    if (seeded) {
      for (const i of seeded.withFindings) {
        const name = (seeded.files[i] as FileResult).file;
        if (this.made.has(name)) continue;
        const s = this.get(name);
        if (s) out.push([name, s]);
      }
    }
    return out;
  }

  /** Every state made (in the seed's order, then those set since), and the seed let go. */
  private whole(): Map<string, FileState> {
    const seeded = this.seeded;
    if (seeded) {
      const all = new Map<string, FileState>();
      for (const f of seeded.files) {
        const s = this.get(f.file);
        if (s) all.set(f.file, s);
      }
      for (const [name, s] of this.made) if (!all.has(name)) all.set(name, s);
      this.made = all;
      this.seeded = undefined;
    }
    return this.made;
  }

  keys(): IterableIterator<string> {
    return this.whole().keys();
  }

  values(): IterableIterator<FileState> {
    return this.whole().values();
  }

  [Symbol.iterator](): IterableIterator<[string, FileState]> {
    return this.whole()[Symbol.iterator]();
  }
}

export class RepositoryStage {
  private readonly state = new FileStates();
  private order: string[] = [];
  private rank = new Map<string, number>();
  /** Every document defining an id, in repository order. */
  private readonly definers = new Map<string, Listed>();
  /** Every document naming an id, each once, in the order they were indexed (a list: a Set per id costs more). */
  private readonly namers = new Map<string, Listed>();
  /** The medborgarlöften whose promises cannot be read. */
  private readonly unreadable = new Set<Entity>();
  private byId: Map<string, Entity> | SeededIds = new Map<string, Entity>();
  /**
   * The index a stage was seeded with, asked for an id's documents when `definers` or `namers` is
   * first looked at under it (`pulled`); from then on the maps hold them, as they would after a first run.
   */
  private seeded: SeedIndex | undefined;
  private readonly pulled = { definers: new Set<string>(), namers: new Set<string>() };
  /** The files (by place in `order`) whose records were worked out again since `seed`, while they are few and in the seed's order. */
  private touched: Set<number> | undefined;
  private brokenKey = '';
  /** The files with findings to show, by name in order, and all their findings. */
  private showing: string[] = [];
  private diagnostics: Diagnostic[] = [];

  /** `overlay`: the texts checked instead of files (the editor's), read again for a broken file's ids. */
  constructor(
    private readonly options: ValidateOptions,
    private readonly overlay?: Overlay,
  ) {}

  /**
   * Every file's result in repository order; a result that is not the one last given counts as
   * changed. `changed`: when the files are the same as last time, the results that are new (so the
   * others need not be looked at).
   */
  update(files: readonly FileResult[], changed?: readonly FileResult[]): ValidationResult {
    const time = stopwatch(this.options.onTiming);
    const hinted = changed !== undefined && files.length === this.order.length && !this.state.empty;
    let resultOf: (name: string) => FileResult | undefined;
    const dirty = new Set<string>();
    let reordered = false;
    if (hinted) {
      const fresh = new Map(changed.map((f) => [f.file, f]));
      for (const f of changed) if (this.state.get(f.file)?.result !== f) dirty.add(f.file);
      resultOf = (name) => fresh.get(name) ?? this.state.get(name)?.result;
    } else {
      const names = files.map((f) => f.file);
      reordered = names.length !== this.order.length || names.some((n, i) => n !== this.order[i]);
      if (reordered) {
        // The seeded index is in the last order: made whole before documents are put in another.
        this.unseed();
        this.order = names;
        this.rank = new Map(names.map((n, i) => [n, i]));
      }
      const given = new Map(files.map((f) => [f.file, f]));
      for (const f of files) if (this.state.get(f.file)?.result !== f) dirty.add(f.file);
      for (const name of this.state.keys()) if (!given.has(name)) dirty.add(name);
      resultOf = (name) => given.get(name);
    }

    // Take the changed files' old documents out of the index and their new ones in.
    const touched: Entity[] = [];
    let everyFailing = false;
    // The kinds whose ids changed: a failing reference's suggestions are drawn from its expected kind alone.
    const failingKinds = new Set<string>();
    // Where only names changed (the same kinds, actor types and ids): the kinds, and the names
    // (by nameKey) before and after. Only a reference whose id is one of those names can get
    // another suggestion from them (see `linkReferences`): no other failing reference is redone.
    const renamedKinds = new Set<string>();
    const renamedKeys = new Set<string>();
    let everyProblembild = false;
    const touchedIds = new Set<string>();
    // In the file's order: documents that only swap places can change which one defines an id first.
    const sig = (list: readonly Entity[]): string => list.map(signatureOf).join('\u0001');
    for (const name of dirty) {
      const before = this.entitiesOf(this.state.get(name)?.result);
      const after = this.entitiesOf(resultOf(name));
      for (const e of before) this.unindex(e);
      for (const e of after) this.index(e);
      touched.push(...before, ...after);
      if (sig(before) !== sig(after)) {
        if (idsPart(before) === idsPart(after)) {
          for (const e of [...before, ...after]) {
            renamedKinds.add(e.kind);
            for (const n of namesPart(e)) renamedKeys.add(nameKey(n));
          }
        } else {
          everyFailing = true;
          for (const e of [...before, ...after]) failingKinds.add(e.kind);
        }
      }
      if (before.some((e) => entityFacts(e).unreadable) || after.some((e) => entityFacts(e).unreadable)) everyProblembild = true;
      for (const e of [...before, ...after]) if (e.id !== undefined) touchedIds.add(e.id);
    }
    if (reordered) for (const list of this.definers.values()) if (Array.isArray(list)) list.sort((a, b) => this.compareEntities(a, b));
    const first = this.state.empty;
    const renamed = renamedKinds.size > 0;
    if (first || reordered || everyFailing) {
      // A new map in repository order, as `buildIndex` makes it (suggestions list ids in that order;
      // caches keyed by the index, names for suggestions, see a new one).
      this.byId = new Map();
      for (const name of this.order) for (const e of this.entitiesOf(resultOf(name))) if (e.id !== undefined && !this.byId.has(e.id)) this.byId.set(e.id, e);
    } else {
      // The same ids and kinds as before, in the same documents: only which document defines one
      // first may have changed. Where names changed, a new map all the same (in the same order):
      // names for suggestions are kept by map.
      if (renamed) this.byId = this.byId instanceof SeededIds ? this.byId.copy() : new Map(this.byId);
      for (const id of touchedIds) {
        const def = listOf(this.definersOf(id)).find((e) => e.id !== undefined);
        if (def) this.byId.set(id, def);
      }
    }
    const byId = this.byId;
    const gone = [...dirty].filter((name) => !resultOf(name));
    for (const name of gone) this.state.delete(name);

    // The files whose link and repository findings may change.
    const redo = new Set<string>();
    for (const name of dirty) if (resultOf(name)) redo.add(name);
    if (!first) for (const e of touched) for (const n of this.dependents(e)) redo.add(n.doc.file);
    if (first || everyFailing || everyProblembild || renamed) {
      // Only a file with findings can be redone for another's ids or names (and none is before the first run).
      for (const [name, s] of first || everyProblembild ? this.state : this.state.withFindings()) {
        if (first || (everyFailing && s.repository.some((d) => LINK_FAILURES.has(d.rule) && (typeof d.args['expectedKind'] !== 'string' || failingKinds.has(d.args['expectedKind'])))) || (everyProblembild && s.result.entities.some((e) => e.kind === 'Problembild'))) redo.add(name);
        else if (renamed && s.repository.some((d) => d.rule === 'unresolved-reference' && (typeof d.args['expectedKind'] !== 'string' || renamedKinds.has(d.args['expectedKind']))) && this.entitiesOf(s.result).some((e) => entityFacts(e).refs.some((ref) => renamedKeys.has(nameKey(ref))))) redo.add(name);
      }
    }
    if (first) for (const name of this.order) redo.add(name);
    time(`index (${dirty.size} changed)`);

    // Work them out among the documents they depend on (and every unreadable medborgarlöfte, for orphan-problembild).
    const subject = new Set<Entity>();
    for (const name of redo) for (const e of this.entitiesOf(resultOf(name))) subject.add(e);
    const context = new Set(subject);
    if (!first) {
      for (const e of subject) for (const n of this.dependencies(e)) context.add(n);
      for (const e of this.unreadable) context.add(e);
    }
    const entities = [...context].sort((a, b) => this.compareEntities(a, b));
    const duplicates = buildIndex(entities).diagnostics;
    const linked = linkReferences(entities, byId);
    time('links');
    const ruled = runRepositoryRules({ entities, graph: { byId, links: linked.links }, asOf: this.options.asOf, data: referenceData(), enabled: (code) => this.options.severityOf?.(code) !== 'off' });
    time(`repository rules (${redo.size} of ${files.length} files)`);

    const found = new Map<string, Diagnostic[]>();
    for (const d of [...duplicates, ...linked.diagnostics, ...ruled]) {
      if (!redo.has(d.file)) continue;
      const list = found.get(d.file);
      if (list) list.push(d);
      else found.set(d.file, [d]);
    }
    const linksOf = new Map<string, Link[]>();
    for (const link of linked.links) {
      const file = link.from.doc.file;
      if (!redo.has(file)) continue;
      const list = linksOf.get(file);
      if (list) list.push(link);
      else linksOf.set(file, [link]);
    }
    const maxBytes = (this.options.limits ?? DEFAULT_PARSE_LIMITS).maxFileBytes;
    let brokenChanged = first;
    for (const name of redo) {
      const result = resultOf(name) as FileResult;
      const old = this.state.get(name);
      const own = result.skipped ? [] : result.diagnostics;
      const broken = old && old.result === result ? old.broken : brokenFiles(own, this.options.cwd, maxBytes, this.read)[0];
      if (broken !== undefined || old?.broken !== undefined) brokenChanged = true;
      this.state.set(name, { result, links: linksOf.get(name) ?? [], repository: found.get(name) ?? [], broken, shown: old?.shown ?? [] });
    }
    if (gone.length > 0) brokenChanged = true;

    // What each file shows; every file again when the files that could not be read have changed.
    let broken = this.broken;
    if (brokenChanged) {
      broken = this.order.flatMap((n) => this.state.get(n)?.broken ?? []);
      this.broken = broken;
    }
    const brokenKey = brokenChanged ? broken.map((b) => `${b.file}\u0000${b.text ?? ''}`).join('\u0001') : this.brokenKey;
    const reshow = brokenKey !== this.brokenKey ? new Set(this.state.keys()) : redo;
    this.brokenKey = brokenKey;
    if (this.touched) {
      if (reordered || gone.length > 0 || redo.size + reshow.size > this.order.length / 4) this.touched = undefined;
      else for (const name of [...redo, ...reshow]) this.touched.add(this.rank.get(name) as number);
    }
    // The files with findings to show: made again when every file was shown again, else told
    // which files began or stopped showing any (and which are gone).
    const toggled = new Map<string, boolean>();
    for (const name of gone) toggled.set(name, false);
    for (const name of reshow) {
      const s = this.state.get(name) as FileState;
      const own = s.result.skipped ? [] : s.result.diagnostics;
      const all = applyDirectives([...own, ...withoutCascades(s.repository, broken)], s.result.skipped ? [] : s.result.directives);
      const shown = capPerFile(applySeverity(all, this.options.severityOf));
      if (shown.length > 0 !== s.shown.length > 0) toggled.set(name, shown.length > 0);
      s.shown = shown;
    }
    if (reshow !== redo || toggled.size > 64) {
      this.showing = [...this.state.values()].filter((s) => s.shown.length > 0).map((s) => s.result.file).sort(compareStrings);
    } else {
      for (const [name, showing] of toggled) {
        const at = sortedIndex(this.showing, name);
        const there = this.showing[at] === name;
        if (showing && !there) this.showing.splice(at, 0, name);
        else if (!showing && there) this.showing.splice(at, 1);
      }
    }
    time('findings');
    return this.result(files);
  }

  private broken: BrokenFile[] = [];

  /**
   * The state a first `update` over `files` would have left, from what it kept then (`records`, by
   * file, in the same order; the persistent cache stores them): nothing is linked or ruled again.
   * The documents' facts must be known (`OWN_FACTS`) or their values are read for them.
   */
  seed(files: readonly FileResult[], records: readonly StageRecord[], index?: SeedIndex): void {
    this.order = files.map((f) => f.file);
    this.rank = new Map();
    for (let i = 0; i < this.order.length; i++) this.rank.set(this.order[i] as string, i);
    this.touched = new Set();
    if (index) {
      // Its documents are asked for as they are looked at (see `definersOf`).
      this.seeded = index;
      this.byId = new SeededIds(index);
      for (const e of index.unreadable()) this.unreadable.add(e);
    } else {
      this.byId = new Map();
      for (const result of files) {
        for (const e of this.entitiesOf(result)) {
          this.index(e, true);
          if (e.id !== undefined && !this.byId.has(e.id)) this.byId.set(e.id, e);
        }
      }
    }
    this.state.seed(this.rank, files, records);
    this.broken = [];
    this.showing = [];
    // Indexed loops over every file, here and below: run once, mostly before V8 optimizes them, an
    // iterator would allocate a result (and here an entry pair) for each of 10,000 files.
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as StageRecord;
      if (record.broken !== undefined) this.broken.push(record.broken);
      if (record.shown.length > 0) this.showing.push((files[i] as FileResult).file);
    }
    this.brokenKey = this.broken.map((b) => `${b.file}\u0000${b.text ?? ''}`).join('\u0001');
    this.showing.sort(compareStrings);
  }

  /**
   * The files (by their place among the files it was seeded with) whose records may differ from
   * the seed's since; undefined when any may (files reordered, or most worked out again).
   */
  touchedSinceSeed(): number[] | undefined {
    return this.touched && [...this.touched];
  }

  /** What `seed` needs besides a file's own result, or undefined for a file the stage does not hold. */
  recordOf(file: string): StageRecord | undefined {
    const s = this.state.get(file);
    return s && { repository: s.repository, broken: s.broken, shown: s.shown };
  }

  private readonly read = (absPath: string): Buffer => {
    const open = this.overlay?.get(absPath);
    return open ? Buffer.from(open.text, 'utf8') : readFileSync(absPath);
  };

  /** The result as `analyse` gives it; the lists of every document and link are made when first asked for. */
  private result(files: readonly FileResult[]): ValidationResult {
    const shown = this.options.reportOnly;
    const state = this.state;
    const byId = this.byId;
    let links: Link[] | undefined;
    const graph = {
      byId,
      get links(): Link[] {
        if (links) return links;
        // A file seeded from the persistent cache has its links worked out again, against the same index.
        const unknown = files.some((f) => !f.skipped && state.get(f.file)?.links === undefined);
        links = unknown ? linkReferences(files.flatMap((f) => (f.skipped ? [] : f.entities)), byId).links : files.flatMap((f) => (f.skipped ? [] : (state.get(f.file)?.links ?? [])));
        return links;
      },
    };
    const diagnostics: Diagnostic[] = [];
    let shownOutside = 0;
    for (const name of this.showing) {
      const list = (state.get(name) as FileState).shown;
      if (!shown || shown.has(name)) diagnostics.push(...list);
      else {
        // Outside the files named: only what a named file caused (as `analyse` shows it).
        const caused = list.filter((d) => shown.also?.(d, graph) === true);
        if (caused.length > 0) shownOutside++;
        diagnostics.push(...caused);
      }
    }
    let entities: Entity[] | undefined;
    let kept: number | undefined;
    // Worked out once: the CLI asks for it several times, and each asks `reportOnly` of every file.
    let shownCount: number | undefined;
    const keptCount = (): number => (kept ??= files.reduce((n, f) => (f.skipped ? n : n + 1), 0));
    return {
      diagnostics,
      get entities(): Entity[] {
        entities ??= files.flatMap((f) => (f.skipped ? [] : f.entities));
        return entities;
      },
      graph,
      get fileCount(): number {
        return keptCount();
      },
      get shownFileCount(): number {
        return (shownCount ??= shown ? files.filter((f) => !f.skipped && shown.has(f.file)).length + shownOutside : keptCount());
      },
      get skipped(): SkippedFile[] {
        const skipped: SkippedFile[] = [];
        for (let i = 0; i < files.length; i++) {
          const f = files[i] as FileResult;
          if (f.skipped) skipped.push(f.skipped);
        }
        return skipped;
      },
    };
  }

  private entitiesOf(result: FileResult | undefined): readonly Entity[] {
    return !result || result.skipped ? [] : result.entities;
  }

  /** Repository order: the files' order, then each file's documents in order. */
  private compareEntities(a: Entity, b: Entity): number {
    return (this.rank.get(a.doc.file) ?? 0) - (this.rank.get(b.doc.file) ?? 0) || a.doc.index - b.doc.index;
  }

  /** The documents defining `key`, in repository order (asked of the seeded index when first looked at). */
  private definersOf(key: string): Listed | undefined {
    return this.pull(this.definers, this.pulled.definers, key, (seed) => seed.definers(key));
  }

  /** The documents naming `key`, in the order indexed (asked of the seeded index when first looked at). */
  private namersOf(key: string): Listed | undefined {
    return this.pull(this.namers, this.pulled.namers, key, (seed) => seed.namers(key));
  }

  private pull(map: Map<string, Listed>, pulled: Set<string>, key: string, ask: (seed: SeedIndex) => readonly Entity[]): Listed | undefined {
    if (this.seeded && !pulled.has(key)) {
      pulled.add(key);
      const list = ask(this.seeded);
      if (list.length > 0) map.set(key, list.length === 1 ? (list[0] as Entity) : [...list]);
    }
    return map.get(key);
  }

  /** The seeded index made whole in the maps (from the files' results, as they stand), and not asked again. */
  private unseed(): void {
    if (!this.seeded) return;
    this.seeded = undefined;
    this.pulled.definers.clear();
    this.pulled.namers.clear();
    this.definers.clear();
    this.namers.clear();
    this.unreadable.clear();
    for (const name of this.order) for (const e of this.entitiesOf(this.state.get(name)?.result)) this.index(e, true);
  }

  /**
   * The documents whose values this one's findings depend on: those defining an id it names or
   * defines, and for a problembild or medborgarlöfte those naming it (is it answered, followed up).
   */
  private *dependencies(e: Entity): Iterable<Entity> {
    const own = defKey(e);
    yield* listOf(this.definersOf(own));
    for (const key of entityFacts(e).refs) yield* listOf(this.definersOf(key));
    if (NAMED_MATTERS.has(e.kind)) yield* listOf(this.namersOf(own));
  }

  /** The documents whose findings depend on this one's value: the converse of `dependencies`. */
  private *dependents(e: Entity): Iterable<Entity> {
    const own = defKey(e);
    yield* listOf(this.definersOf(own));
    yield* listOf(this.namersOf(own));
    for (const key of entityFacts(e).refs) for (const d of listOf(this.definersOf(key))) if (NAMED_MATTERS.has(d.kind)) yield d;
  }

  /** `inOrder`: documents are indexed in repository order (seed), so each goes last. */
  private index(e: Entity, inOrder = false): void {
    const key = defKey(e);
    const facts = entityFacts(e);
    if (facts.unreadable) this.unreadable.add(e);
    // Kept in repository order: the first is the definition references resolve to.
    const list = this.definersOf(key);
    if (list === undefined) this.definers.set(key, e);
    else if (!Array.isArray(list)) this.definers.set(key, inOrder || this.compareEntities(list, e) <= 0 ? [list, e] : [e, list]);
    else if (inOrder) list.push(e);
    else {
      let at = list.length;
      while (at > 0 && this.compareEntities(list[at - 1] as Entity, e) > 0) at--;
      list.splice(at, 0, e);
    }
    for (const ref of facts.refs) {
      const list = this.namersOf(ref);
      // A document naming an id twice is indexed under it once: its refs for one id come in this loop alone, so it is then the last.
      if (list === undefined) this.namers.set(ref, e);
      else if (!Array.isArray(list)) {
        if (list !== e) this.namers.set(ref, [list, e]);
      } else if (list[list.length - 1] !== e) list.push(e);
    }
  }

  private unindex(e: Entity): void {
    const key = defKey(e);
    this.unreadable.delete(e);
    this.definersOf(key);
    unlist(this.definers, key, e);
    for (const ref of entityFacts(e).refs) {
      this.namersOf(ref);
      unlist(this.namers, ref, e);
    }
  }
}
