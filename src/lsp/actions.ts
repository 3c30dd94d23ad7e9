// Quick fixes for a finding: take a did-you-mean suggestion, turn the rule off on that line with a
// reason to fill in, or create the actor or problembild a reference names from `lofte new`'s template.

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction, Diagnostic as LspDiagnostic, WorkspaceEdit } from 'vscode-languageserver/node';
import { fill, newDocumentTitle, newDocumentValues, readTemplate, schemaDirFor } from '../cli/templates.js';
import type { Args } from '../diagnostics/types.js';
import type { Kind } from '../model/kinds.js';
import type { Entity } from '../schema/index.js';
import { TextPositions, uriOf } from './convert.js';
import { yamlSource } from './cursor.js';
import { ID_PATTERN } from './symbols.js';
import type { LspWords } from './words.js';
import type { Snapshot, Workspace } from './workspace.js';

const QUICK_FIX = 'quickfix';

/** Rules a disable comment cannot or should not silence: the file could not be read as lofte's. */
const NOT_DISABLED = new Set(['yaml-syntax', 'file-unreadable', 'file-too-large', 'limit-exceeded', 'invalid-disable', 'config']);

/** Where `lofte new` puts each kind, and from which template. */
const NEW_FILES: Partial<Record<Kind, { folder: string; template: string }>> = {
  Aktor: { folder: 'aktorer', template: 'aktor.yaml' },
  Problembild: { folder: 'problembilder', template: 'problembild.md' },
};

interface FindingData {
  rule: string;
  args: Args;
}

function dataOf(d: LspDiagnostic): FindingData | undefined {
  const data = d.data as { rule?: unknown; args?: unknown } | undefined;
  if (d.source !== 'lofte' || typeof data?.rule !== 'string' || typeof data.args !== 'object' || data.args === null) return undefined;
  return { rule: data.rule, args: data.args as Args };
}

export interface ActionContext {
  ws: Workspace;
  snap: Snapshot;
  absPath: string;
  text: string;
  words: LspWords;
  today: string;
}

export function codeActions(ctx: ActionContext, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const data = dataOf(d);
    if (!data) continue;
    out.push(...suggestionFixes(ctx, d, data));
    const created = createMissing(ctx, d, data);
    if (created) out.push(created);
    const disable = disableComment(ctx, d, data);
    if (disable) out.push(disable);
  }
  return out;
}

/** The suggestions a finding carries, each as an edit of the misspelt word inside the finding's range. */
function suggestionFixes(ctx: ActionContext, d: LspDiagnostic, data: FindingData): CodeAction[] {
  const a = data.args;
  const suggestions = [...(Array.isArray(a['suggestions']) ? (a['suggestions'] as readonly string[]) : []), ...(typeof a['suggestion'] === 'string' && data.rule !== 'unknown-kommunkod' ? [a['suggestion']] : [])];
  if (suggestions.length === 0) return [];
  const p = new TextPositions(ctx.text);
  const start = p.offset(d.range.start);
  const written = ctx.text.slice(start, Math.max(start, p.offset(d.range.end)));
  const wrong = [a['id'], a['value'], a['field'], a['rule']].find((v): v is string => typeof v === 'string' && v !== '' && written.includes(v));
  if (wrong === undefined) return [];
  const at = start + written.indexOf(wrong);
  return suggestions.map((s, i) => ({
    title: ctx.words.replaceWith(s),
    kind: QUICK_FIX,
    diagnostics: [d],
    isPreferred: i === 0,
    edit: { changes: { [uriOf(ctx.absPath)]: [{ range: p.range(at, at + wrong.length), newText: s }] } },
  }));
}

/** `# lofte-disable-next-line <rule> -- <reason>` on the line before, indented as that line. */
function disableComment(ctx: ActionContext, d: LspDiagnostic, data: FindingData): CodeAction | undefined {
  if (NOT_DISABLED.has(data.rule)) return undefined;
  const p = new TextPositions(ctx.text);
  const lineStart = p.offset({ line: d.range.start.line, character: 0 });
  // In a Markdown file only the front matter is YAML: a `#` line in the body would be a heading.
  const source = yamlSource(ctx.text, ctx.absPath.toLowerCase().endsWith('.md'));
  if (!source || lineStart < source.offset || lineStart > source.offset + source.yaml.length) return undefined;
  const line = ctx.text.slice(lineStart, ctx.text.indexOf('\n', lineStart) < 0 ? ctx.text.length : ctx.text.indexOf('\n', lineStart));
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  const comment = `${indent}# lofte-disable-next-line ${data.rule} -- ${ctx.words.reasonPlaceholder}\n`;
  return {
    title: ctx.words.disable(data.rule),
    kind: QUICK_FIX,
    diagnostics: [d],
    edit: { changes: { [uriOf(ctx.absPath)]: [{ range: p.range(lineStart, lineStart), newText: comment }] } },
  };
}

/** For a reference to an actor or problembild that does not exist: a new file from the template. */
function createMissing(ctx: ActionContext, d: LspDiagnostic, data: FindingData): CodeAction | undefined {
  if (data.rule !== 'unresolved-reference') return undefined;
  const id = data.args['id'];
  const kind = data.args['expectedKind'] as Kind | undefined;
  const target = kind ? NEW_FILES[kind] : undefined;
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || !kind || !target) return undefined;
  const rel = `${target.folder}/${id}${path.extname(target.template)}`;
  const absPath = path.join(ctx.snap.ctx.config.root, rel);
  if (existsSync(absPath)) return undefined;
  const repoRel = path.relative(ctx.ws.root, absPath).split(path.sep).join('/');
  let text = fill(readTemplate('new', target.template), templateValues(kind, id, repoRel, ctx));
  const typ = data.args['expectedTyp'];
  if (kind === 'Aktor' && typeof typ === 'string') text = text.replace(/^typ: civilsamhalle$/m, `typ: ${typ}`);
  const uri = uriOf(absPath);
  const edit: WorkspaceEdit = {
    documentChanges: [
      { kind: 'create', uri, options: { ignoreIfExists: true } },
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
    ],
  };
  return { title: ctx.words.create(kind, repoRel), kind: QUICK_FIX, diagnostics: [d], edit };
}

/** The values `lofte new` fills its templates with, taken from the repository's own actors. */
function templateValues(kind: Kind, id: string, rel: string, ctx: ActionContext): Record<string, string> {
  const actor = (typ: string): Entity | undefined => ctx.snap.result.entities.find((e) => e.kind === 'Aktor' && e.value['typ'] === typ && e.id);
  return newDocumentValues({ id, titel: newDocumentTitle(kind), today: ctx.today, lpo: actor('lokalpolisomrade'), kommun: actor('kommun'), schemaDir: schemaDirFor(rel) });
}
