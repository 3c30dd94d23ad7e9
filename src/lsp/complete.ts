// Completion: ids that fit the field (its kind, and for some actor fields its typ), the keys a map
// may hold and the values a field may take, each with the schemas' Swedish words.

import type { CompletionItem } from 'vscode-languageserver/node';
import type { DocPath } from '../diagnostics/types.js';
import { isKind, KINDS, type Kind } from '../model/kinds.js';
import type { Entity } from '../schema/index.js';
import { TextPositions } from './convert.js';
import { completionPlace, type CompletionPlace } from './cursor.js';
import type { Here } from './navigate.js';
import { fieldInfo, isObjectAt, keysAt, valuesAt } from './schema-nav.js';
import { candidatesFor, displayTitle, promisesOf, referenceSpecAt } from './symbols.js';
import type { LspWords } from './words.js';
import type { Snapshot } from './workspace.js';

// LSP CompletionItemKind values.
const PROPERTY = 10 as const;
const ENUM_MEMBER = 20 as const;
const REFERENCE = 18 as const;
type ItemKind = typeof PROPERTY | typeof ENUM_MEMBER | typeof REFERENCE;

export function complete(snap: Snapshot, here: Here, words: LspWords): CompletionItem[] {
  const place = completionPlace(here.text, here.absPath.toLowerCase().endsWith('.md'), here.offset);
  if (!place) return [];
  const range = new TextPositions(here.text).range(place.span[0], place.span[1]);
  const item = (label: string, kind: ItemKind, extra: Partial<CompletionItem>, insert = label): CompletionItem => ({ label, kind, textEdit: { range, newText: insert }, ...extra });
  const kind = place.kind;
  if (place.target === 'key' && !(place.listItem && isKind(kind) && !isObjectAt(kind, place.path))) {
    if (!isKind(kind)) return place.path.length === 0 ? ['apiVersion', 'kind'].map((k) => item(k, PROPERTY, {}, `${k}: `)) : [];
    const present = new Set(Object.keys(valueAt(place.value, place.path)));
    return keysAt(kind, place.path)
      .filter((k) => !present.has(k.key))
      .map((k, i) => item(k.key, PROPERTY, { detail: k.info.title, documentation: doc(k.info.description), sortText: String(i).padStart(3, '0') }, `${k.key}: `));
  }
  return values(snap, place, kind, words).map((v) => item(v.label, v.kind, v.extra));
}

function values(snap: Snapshot, place: CompletionPlace, kind: unknown, words: LspWords): { label: string; kind: ItemKind; extra: Partial<CompletionItem> }[] {
  const entities = snap.result.entities;
  if (place.path.length === 1 && place.path[0] === 'kind') return KINDS.map((k) => ({ label: k, kind: ENUM_MEMBER, extra: { detail: words.kind[k] } }));
  if (!isKind(kind)) return [];
  const spec = referenceSpecAt(kind, place.path);
  if (spec) {
    return candidatesFor(spec, entities)
      .sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : 1))
      .map((e) => ({ label: e.id as string, kind: REFERENCE, extra: { detail: displayTitle(e), documentation: `${words.kind[e.kind]} · ${e.doc.file}` } }));
  }
  if (isFollowUpPromise(kind, place.path)) {
    const doc = place.value['medborgarlofte'];
    const target = typeof doc === 'string' ? entities.find((e: Entity) => e.kind === 'Medborgarlofte' && e.id === doc) : undefined;
    return promisesOf(target).map((p) => ({ label: p.id, kind: REFERENCE, extra: { detail: p.text, documentation: `${words.promise} · ${target?.doc.file ?? ''}` } }));
  }
  const info = fieldInfo(kind, place.path);
  return valuesAt(kind, place.path).map((v) => ({ label: v, kind: ENUM_MEMBER, extra: { detail: info.title, documentation: doc(info.description) } }));
}

const isFollowUpPromise = (kind: Kind, path: DocPath): boolean => kind === 'Uppfoljning' && path.length === 3 && path[0] === 'resultat' && path[2] === 'lofte';

const doc = (text: string | undefined): CompletionItem['documentation'] => (text ? { kind: 'markdown', value: text } : undefined);

function valueAt(root: Record<string, unknown>, path: DocPath): Record<string, unknown> {
  let node: unknown = root;
  for (const seg of path) node = typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[seg] : undefined;
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as Record<string, unknown>) : {};
}
