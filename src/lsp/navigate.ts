// Go to definition, find references, hover and rename: all start from the id under the cursor.

import type { Hover, Location, Range as LspRange, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { DocPath } from '../diagnostics/types.js';
import { isKind } from '../model/kinds.js';
import type { Entity } from '../schema/index.js';
import { yamlLib } from '../util/lazy.js';
import { toLspRange, uriOf, TextPositions } from './convert.js';
import { placeAt, type CursorPlace } from './cursor.js';
import { fieldInfo } from './schema-nav.js';
import { displayTitle, ID_PATTERN, occurrences, promisesOf, symbolAt, type IdSymbol, type Occurrence } from './symbols.js';
import type { LspWords } from './words.js';
import type { Snapshot, Workspace } from './workspace.js';

/** The file under the cursor: its path, its text as the editor has it, and the cursor's offset. */
export interface Here {
  absPath: string;
  text: string;
  offset: number;
}

const isMarkdown = (absPath: string): boolean => absPath.toLowerCase().endsWith('.md');

interface Found {
  place: CursorPlace;
  symbol?: IdSymbol;
  role?: Occurrence['role'];
}

function whatIsAt(ws: Workspace, snap: Snapshot, here: Here): Found | undefined {
  const place = placeAt(here.text, isMarkdown(here.absPath), here.offset);
  if (!place) return undefined;
  const entity = ws.entityAt(snap, here.absPath, place.docIndex);
  const at = place.target === 'value' ? symbolAt(place.kind, entity?.value, place.path, place.value) : undefined;
  return { place, symbol: at?.symbol, role: at?.role };
}

function locationOf(ws: Workspace, entity: Entity, path: DocPath): Location {
  return { uri: uriOf(ws.absPathOf(entity.doc.file)), range: toLspRange(entity.doc.locator.locate(path)) };
}

export function definition(ws: Workspace, snap: Snapshot, here: Here): Location[] {
  const found = whatIsAt(ws, snap, here);
  if (!found?.symbol) return [];
  return occurrences(found.symbol, snap.result.entities)
    .filter((o) => o.role === 'definition')
    .map((o) => locationOf(ws, o.entity, o.path));
}

export function references(ws: Workspace, snap: Snapshot, here: Here, includeDeclaration: boolean): Location[] {
  const found = whatIsAt(ws, snap, here);
  if (!found?.symbol) return [];
  return occurrences(found.symbol, snap.result.entities)
    .filter((o) => includeDeclaration || o.role === 'reference')
    .map((o) => locationOf(ws, o.entity, o.path));
}

export function hover(ws: Workspace, snap: Snapshot, here: Here, words: LspWords): Hover | null {
  const found = whatIsAt(ws, snap, here);
  if (!found) return null;
  const { place } = found;
  const range = place.span ? new TextPositions(here.text).range(place.span[0], place.span[1]) : undefined;
  const markdown = (value: string): Hover => ({ contents: { kind: 'markdown', value }, ...(range ? { range } : {}) });
  if (found.symbol) {
    const def = occurrences(found.symbol, snap.result.entities).find((o) => o.role === 'definition');
    if (!def) return markdown(words.unknownId(found.symbol.id));
    const where = words.inFile(def.entity.doc.file, def.entity.doc.locator.locate(def.path).start.line);
    if (found.symbol.type === 'promise') {
      const promise = promisesOf(def.entity).find((p) => p.id === found.symbol?.id);
      return markdown(`**${words.promise}** \`${found.symbol.id}\` (${displayTitle(def.entity) ?? def.entity.id ?? ''})\n\n${promise?.text ?? ''}\n\n${where}`);
    }
    const title = displayTitle(def.entity);
    const typ = def.entity.kind === 'Aktor' && typeof def.entity.value['typ'] === 'string' ? ` (${def.entity.value['typ']})` : '';
    return markdown(`**${words.kind[def.entity.kind]}**${typ} \`${found.symbol.id}\`${title ? `: ${title}` : ''}\n\n${where}`);
  }
  if (!isKind(place.kind)) return null;
  const info = fieldInfo(place.kind, place.path);
  if (!info.title && !info.description) return null;
  return markdown([info.title ? `**${info.title}**` : '', info.description ?? ''].filter((s) => s !== '').join('\n\n'));
}

/** Where a rename may start: the id under the cursor, or a message saying why there is none. */
export function prepareRename(ws: Workspace, snap: Snapshot, here: Here): { range: LspRange; placeholder: string } | undefined {
  const found = whatIsAt(ws, snap, here);
  if (!found?.symbol || !found.place.span) return undefined;
  return { range: new TextPositions(here.text).range(found.place.span[0], found.place.span[1]), placeholder: found.symbol.id };
}

export class RenameRefused extends Error {}

/** One edit that renames the id under the cursor at its definition and every reference. */
export function rename(ws: Workspace, snap: Snapshot, here: Here, newName: string, words: LspWords): WorkspaceEdit {
  const found = whatIsAt(ws, snap, here);
  if (!found?.symbol) throw new RenameRefused(words.renameNotId);
  const symbol = found.symbol;
  if (!ID_PATTERN.test(newName)) throw new RenameRefused(words.renameInvalid(newName));
  if (newName === symbol.id) throw new RenameRefused(words.renameSame);
  const taken = occurrences(symbol.type === 'document' ? { type: 'document', id: newName } : { ...symbol, id: newName }, snap.result.entities).find((o) => o.role === 'definition');
  if (taken) throw new RenameRefused(words.renameTaken(newName, words.inFile(taken.entity.doc.file, taken.entity.doc.locator.locate(taken.path).start.line)));
  const changes: Record<string, TextEdit[]> = {};
  const positions = new Map<string, TextPositions | undefined>();
  for (const o of occurrences(symbol, snap.result.entities)) {
    const absPath = ws.absPathOf(o.entity.doc.file);
    const range = toLspRange(o.entity.doc.locator.locate(o.path));
    if (!positions.has(absPath)) {
      const text = ws.textOf(absPath);
      positions.set(absPath, text === undefined ? undefined : new TextPositions(text));
    }
    const p = positions.get(absPath);
    const written = p ? p.text.slice(p.offset(range.start), p.offset(range.end)) : symbol.id;
    (changes[uriOf(absPath)] ??= []).push({ range, newText: replacement(written, symbol.id, newName, p, range) });
  }
  return { changes };
}

/** The new id as it must be written where the old one was: in the same quotes, or quoted if YAML would read it as something else. */
function replacement(written: string, oldId: string, newId: string, p: TextPositions | undefined, range: LspRange): string {
  const quote = written.charAt(0);
  if ((quote === '"' || quote === "'") && written.endsWith(quote) && written.length >= 2) return `${quote}${newId}${quote}`;
  const before = p ? p.text.charAt(p.offset(range.start) - 1) : '';
  if (written === oldId && (before === '"' || before === "'")) return newId;
  return yamlLib().parse(newId) === newId ? newId : JSON.stringify(newId);
}
