// The link stage: index every entity by id across the repository and resolve every reference.

import { makeDiagnostic } from '../diagnostics/make.js';
import { aboutPath } from '../model/about.js';
import type { Diagnostic, DocPath, Range } from '../diagnostics/types.js';
import type { Entity } from '../schema/index.js';
import { interned } from '../util/intern.js';
import { SuggestionIndex } from '../util/suggest.js';
import { collectReferences, REFERENCES, type FoundReference, type ReferenceSpec } from './references.js';

export interface Link {
  from: Entity;
  path: DocPath;
  to: Entity;
  spec: ReferenceSpec;
}

export interface LinkGraph {
  byId: ReadonlyMap<string, Entity>;
  links: readonly Link[];
}

export interface LinkResult {
  graph: LinkGraph;
  diagnostics: Diagnostic[];
}

export function actorTyp(entity: Entity): string | undefined {
  const typ = entity.value['typ'];
  return entity.kind === 'Aktor' && typeof typ === 'string' ? typ : undefined;
}

function fits(entity: Entity, spec: ReferenceSpec): boolean {
  return entity.kind === spec.to && (spec.typ === undefined || actorTyp(entity) === spec.typ);
}

export function buildIndex(entities: readonly Entity[]): { byId: Map<string, Entity>; diagnostics: Diagnostic[] } {
  const byId = new Map<string, Entity>();
  const diagnostics: Diagnostic[] = [];
  for (const entity of entities) {
    if (entity.id === undefined) continue;
    const id = idOf(entity as Entity & { id: string });
    const first = byId.get(id);
    if (!first) {
      byId.set(id, entity);
      continue;
    }
    diagnostics.push(
      makeDiagnostic('duplicate-id', entity.doc.file, entity.doc.locator.locate(['id']), ['id'], { id: entity.id, scope: 'repository' }, [
        { file: first.doc.file, range: first.doc.locator.locate(['id']), role: 'first-definition' },
      ], { entity: entity.id }),
    );
  }
  for (const entity of entities) diagnostics.push(...memo(promiseDuplicates, entity, duplicatePromiseIds));
  return { byId, diagnostics };
}

// What depends on one document alone is worked out once per document value: watch mode keeps the
// values of unchanged files, so a run after one change redoes this only for the changed file.
const promiseDuplicates = new WeakMap<object, readonly Diagnostic[]>();
/** What most documents' memo entries hold: one empty list for all of them (not frozen: see NO_NUMBERS in util/personnummer.ts). */
const NONE: readonly Diagnostic[] = [];
const referencesIn = new WeakMap<object, readonly { spec: ReferenceSpec; refs: FoundReference[] }[]>();

function memo<T>(cache: WeakMap<object, T>, entity: Entity, compute: (entity: Entity) => T): T {
  let hit = cache.get(entity.value);
  if (hit === undefined) cache.set(entity.value, (hit = compute(entity)));
  return hit;
}

/** The reference specs of each kind, in REFERENCES' order. */
const SPECS_BY_KIND = new Map<string, ReferenceSpec[]>();
for (const spec of REFERENCES) SPECS_BY_KIND.set(spec.from, [...(SPECS_BY_KIND.get(spec.from) ?? []), spec]);

const NO_REFERENCES: readonly { spec: ReferenceSpec; refs: FoundReference[] }[] = [];

/** A document's references by spec (kept for every document until the run ends: a spec it has none for is left out). */
function references(entity: Entity): readonly { spec: ReferenceSpec; refs: FoundReference[] }[] {
  const out: { spec: ReferenceSpec; refs: FoundReference[] }[] = [];
  for (const spec of SPECS_BY_KIND.get(entity.kind) ?? []) {
    const refs = collectReferences(entity.value, spec.path);
    if (refs.length === 0) continue;
    for (const r of refs) {
      r.id = interned(r.id);
      r.path = sharedPath(r.path);
    }
    // Exact-size copies: a list grown by pushing keeps room for 17 items, and these are kept.
    out.push({ spec, refs: refs.slice() });
  }
  return out.length === 0 ? NO_REFERENCES : out.slice();
}

interface PathNode {
  path?: DocPath;
  next?: Map<string | number, PathNode>;
}
const sharedPaths = new Map<string | number, PathNode>();
/** Paths with a list index from this on are not shared (a hostile list of a million items would fill the table). */
const SHARED_INDEX_BELOW = 64;

/**
 * The one frozen copy of a reference's path: `['loften', 2, 'ansvarig', 0]` stands in thousands of
 * documents, and every reference's path is kept (in its document's references and its link).
 */
function sharedPath(path: DocPath): DocPath {
  let level = sharedPaths;
  let node: PathNode | undefined;
  for (const segment of path) {
    if (typeof segment === 'number' && segment >= SHARED_INDEX_BELOW) return path;
    if (node) level = node.next ??= new Map();
    node = level.get(segment);
    if (!node) level.set(segment, (node = {}));
  }
  if (!node) return path;
  return (node.path ??= Object.freeze([...path]));
}

/** The ids a document's reference fields name (worked out once per document value). */
export function referencedIds(entity: Entity): string[] {
  return memo(referencesIn, entity, references).flatMap(({ refs }) => refs.map((r) => r.id));
}

/** The one string object for a document's id (a lookup: parsing keeps short values that way already). */
function idOf(entity: Entity & { id: string }): string {
  return interned(entity.id);
}

/** The suggestion indexes of the last run, kept while the ids they were built from are the same. */
const lastIndexes = new Map<string, { names: string[]; index: SuggestionIndex }>();

function suggestionIndex(key: string, names: string[]): SuggestionIndex {
  const last = lastIndexes.get(key);
  if (last && last.names.length === names.length && last.names.every((n, i) => n === names[i])) return last.index;
  const index = new SuggestionIndex(names);
  lastIndexes.set(key, { names, index });
  return index;
}

/** A promise's id only has to be unique inside its document. */
function duplicatePromiseIds(entity: Entity): readonly Diagnostic[] {
  const loften = entity.kind === 'Medborgarlofte' ? entity.value['loften'] : undefined;
  if (!Array.isArray(loften)) return NONE;
  const firstAt = new Map<string, number>();
  const out: Diagnostic[] = [];
  loften.forEach((lofte: unknown, i) => {
    const id = typeof lofte === 'object' && lofte !== null ? (lofte as Record<string, unknown>)['id'] : undefined;
    if (typeof id !== 'string') return;
    const first = firstAt.get(id);
    if (first === undefined) {
      firstAt.set(id, i);
      return;
    }
    const loc = entity.doc.locator;
    out.push(
      makeDiagnostic('duplicate-id', entity.doc.file, loc.locate(['loften', i, 'id']), ['loften', i, 'id'], { id, scope: 'document', document: entity.id }, [
        { file: entity.doc.file, range: loc.locate(['loften', first, 'id']), role: 'first-definition' },
      ], { entity: entity.id, promise: id }),
    );
  });
  return out.length === 0 ? NONE : out;
}

/** Up to three ids are worth listing as they are; more are a list to search, not a suggestion. */
const fewOf = (ids: readonly string[]): string[] => (ids.length <= 3 ? [...ids].sort() : []);

/** "Laxå kommun", "laxa-kommun" and "LAXA KOMMUN" all give "laxa-kommun". */
export function nameKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const nameIndexes = new WeakMap<ReadonlyMap<string, Entity>, Map<string, Map<string, string[]>>>();

/** Names (`namn`, `titel`) of the documents that fit a reference, by nameKey, once per run and kind. */
function namesFor(key: string, byId: ReadonlyMap<string, Entity>, spec: ReferenceSpec): Map<string, string[]> {
  let perKind = nameIndexes.get(byId);
  if (!perKind) nameIndexes.set(byId, (perKind = new Map()));
  let names = perKind.get(key);
  if (!names) {
    names = new Map();
    for (const e of byId.values()) {
      if (!fits(e, spec) || e.id === undefined) continue;
      for (const field of ['namn', 'titel', 'kortnamn']) {
        const name = e.value[field];
        if (typeof name !== 'string') continue;
        const k = nameKey(name);
        // Appended in place: a name many documents share (a title used in every area) was copied once per document.
        const ids = names.get(k);
        if (ids) ids.push(e.id);
        else names.set(k, [e.id]);
      }
    }
    perKind.set(key, names);
  }
  return names;
}

export function resolveReferences(entities: readonly Entity[]): LinkResult {
  const { byId, diagnostics } = buildIndex(entities);
  const linked = linkReferences(entities, byId);
  return { graph: { byId, links: linked.links }, diagnostics: [...diagnostics, ...linked.diagnostics] };
}

/**
 * The references of some documents resolved against an index of the whole repository: the
 * incremental repository stage (check/repository.ts) links again only the documents a change can affect.
 */
export function linkReferences(entities: readonly Entity[], byId: ReadonlyMap<string, Entity>): { links: Link[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const links: Link[] = [];
  // Built only when a reference fails, and once per kind of target: suggestions stay cheap at scale.
  const indexes = new Map<string, SuggestionIndex>();
  const indexFor = (key: string, names: () => string[]): SuggestionIndex => {
    let index = indexes.get(key);
    if (!index) indexes.set(key, (index = suggestionIndex(key, names())));
    return index;
  };
  const fittingById = new Map<string, string[]>();
  const fittingIds = (spec: ReferenceSpec): string[] => {
    const key = `${spec.to}/${spec.typ ?? ''}`;
    let ids = fittingById.get(key);
    if (!ids) fittingById.set(key, (ids = [...byId.values()].filter((e) => fits(e, spec)).map((e) => e.id as string)));
    return ids;
  };
  for (const entity of entities) {
    for (const { spec, refs } of memo(referencesIn, entity, references)) {
      for (const ref of refs) {
        const target = byId.get(ref.id);
        if (target && fits(target, spec)) {
          links.push({ from: entity, path: ref.path, to: target, spec });
          continue;
        }
        // Positions only for findings: finding one may mean parsing the file again.
        const range = (): Range => entity.doc.locator.locate(ref.path);
        const expected = { id: ref.id, expectedKind: spec.to, expectedTyp: spec.typ };
        if (!target) {
          const fitting = indexFor(`${spec.to}/${spec.typ ?? ''}`, () => [...byId.values()].filter((e) => fits(e, spec)).map((e) => e.id as string));
          // A name written where the id belongs (`Laxå kommun` for `laxa-kommun`): the id of the
          // document of the right kind with that name comes first.
          const named = namesFor(`${spec.to}/${spec.typ ?? ''}`, byId, spec).get(nameKey(ref.id)) ?? [];
          const suggestions = [...new Set([...named, ...fitting.suggest(ref.id, 3)])].slice(0, 3);
          diagnostics.push(
            makeDiagnostic('unresolved-reference', entity.doc.file, range(), ref.path, {
              ...expected,
              // Only ids of the kind the field needs; with no close one, the few there are.
              suggestions: suggestions.length > 0 ? suggestions : fewOf(fittingIds(spec)),
            }, undefined, aboutPath(entity.kind, entity.id, entity.value, ref.path)),
          );
        } else {
          diagnostics.push(
            makeDiagnostic(
              'reference-kind',
              entity.doc.file,
              range(),
              ref.path,
              { ...expected, actualKind: target.kind, actualTyp: actorTyp(target), suggestions: fewOf(fittingIds(spec)) },
              [{ file: target.doc.file, range: target.doc.locator.locate(['id']), role: 'other' }],
              aboutPath(entity.kind, entity.id, entity.value, ref.path),
            ),
          );
        }
      }
    }
  }
  return { links, diagnostics };
}
