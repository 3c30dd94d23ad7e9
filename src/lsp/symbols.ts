// The ids of a repository as an editor sees them: what an id at a path is (a definition or a
// reference, of a document or of a promise inside one) and everywhere the same id is written.
// References are found through the one table of reference fields (links/references.ts).

import type { DocPath } from '../diagnostics/types.js';
import { collectReferences, REFERENCES, type PathPattern, type ReferenceSpec } from '../links/references.js';
import type { Kind } from '../model/kinds.js';
import type { Entity } from '../schema/index.js';

/** A document's id, or the id of a promise inside a medborgarlöfte (`doc` is that document's id). */
export type IdSymbol = { type: 'document'; id: string } | { type: 'promise'; doc: string; id: string };

export interface Occurrence {
  entity: Entity;
  path: DocPath;
  role: 'definition' | 'reference';
}

/** Whether a path fits a reference pattern (`*` any index; `*?` any index or the value itself). */
export function matchesPattern(path: DocPath, pattern: PathPattern): boolean {
  let i = 0;
  for (const [k, seg] of pattern.entries()) {
    const at = path[i];
    if (seg === '*?') {
      if (typeof at === 'number') i++;
      return k === pattern.length - 1 ? i === path.length : false;
    }
    if (seg === '*' ? typeof at !== 'number' : at !== seg) return false;
    i++;
  }
  return i === path.length;
}

/** The reference field a path of a document of `kind` is, if it is one. */
export function referenceSpecAt(kind: unknown, path: DocPath): ReferenceSpec | undefined {
  return REFERENCES.find((spec) => spec.from === kind && matchesPattern(path, spec.path));
}

const isPromiseIdPath = (kind: unknown, path: DocPath): boolean => kind === 'Medborgarlofte' && path.length === 3 && path[0] === 'loften' && typeof path[1] === 'number' && path[2] === 'id';
const isResultPromisePath = (kind: unknown, path: DocPath): boolean => kind === 'Uppfoljning' && path.length === 3 && path[0] === 'resultat' && typeof path[1] === 'number' && path[2] === 'lofte';

/** What the string `value` at `path` of a document (of `kind`, with the document's own `value`) names. */
export function symbolAt(kind: unknown, docValue: Record<string, unknown> | undefined, path: DocPath, value: unknown): { symbol: IdSymbol; role: Occurrence['role']; spec?: ReferenceSpec } | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (path.length === 1 && path[0] === 'id') return { symbol: { type: 'document', id: value }, role: 'definition' };
  const docId = docValue?.['id'];
  if (isPromiseIdPath(kind, path) && typeof docId === 'string') return { symbol: { type: 'promise', doc: docId, id: value }, role: 'definition' };
  const target = docValue?.['medborgarlofte'];
  if (isResultPromisePath(kind, path) && typeof target === 'string') return { symbol: { type: 'promise', doc: target, id: value }, role: 'reference' };
  const spec = referenceSpecAt(kind, path);
  return spec ? { symbol: { type: 'document', id: value }, role: 'reference', spec } : undefined;
}

/** Every place the symbol is written: its definitions first, then its references, in file order. */
export function occurrences(symbol: IdSymbol, entities: readonly Entity[]): Occurrence[] {
  const definitions: Occurrence[] = [];
  const references: Occurrence[] = [];
  for (const entity of entities) {
    if (symbol.type === 'document') {
      if (entity.id === symbol.id) definitions.push({ entity, path: ['id'], role: 'definition' });
      for (const spec of REFERENCES) {
        if (spec.from !== entity.kind) continue;
        for (const ref of collectReferences(entity.value, spec.path)) if (ref.id === symbol.id) references.push({ entity, path: ref.path, role: 'reference' });
      }
    } else if (entity.kind === 'Medborgarlofte' && entity.id === symbol.doc) {
      items(entity.value['loften']).forEach((item, i) => {
        if (item['id'] === symbol.id) definitions.push({ entity, path: ['loften', i, 'id'], role: 'definition' });
      });
    } else if (entity.kind === 'Uppfoljning' && entity.value['medborgarlofte'] === symbol.doc) {
      items(entity.value['resultat']).forEach((item, i) => {
        if (item['lofte'] === symbol.id) references.push({ entity, path: ['resultat', i, 'lofte'], role: 'reference' });
      });
    }
  }
  return [...definitions, ...references];
}

/** The entities a reference field may name: the right kind and, for some actor fields, the right typ. */
export function candidatesFor(spec: Pick<ReferenceSpec, 'to' | 'typ'>, entities: readonly Entity[]): Entity[] {
  return entities.filter((e) => e.id !== undefined && e.kind === spec.to && (spec.typ === undefined || e.value['typ'] === spec.typ));
}

/** The promises of a medborgarlöfte: id and text. */
export function promisesOf(entity: Entity | undefined): { id: string; text: string; index: number }[] {
  if (!entity || entity.kind !== 'Medborgarlofte') return [];
  return items(entity.value['loften']).flatMap((item, index) => (typeof item['id'] === 'string' ? [{ id: item['id'], text: typeof item['text'] === 'string' ? item['text'] : '', index }] : []));
}

function items(list: unknown): Record<string, unknown>[] {
  return Array.isArray(list) ? list.map((x: unknown) => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {})) : [];
}

/** The name people know a document by: an actor's namn, everything else's titel. */
export function displayTitle(entity: Entity): string | undefined {
  const v = entity.kind === 'Aktor' ? entity.value['namn'] : entity.value['titel'];
  return typeof v === 'string' ? v : undefined;
}

export const KIND_WORDS: Readonly<Record<Kind, string>> = { Aktor: 'Aktör', Problembild: 'Problembild', Medborgarlofte: 'Medborgarlöfte', Uppfoljning: 'Uppföljning' };

/** The form every lofte id has (common.schema.json `$defs/id`). */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
