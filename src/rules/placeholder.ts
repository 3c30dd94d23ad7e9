// placeholder: a `TODO …` text from `lofte new`'s templates is still there. A warning while the
// document is written; `lofte report` refuses to publish it.

import { code, t } from '../diagnostics/parts.js';
import type { DocPath } from '../diagnostics/types.js';
import { defineRule } from './define.js';
import { pathOf, textFields, type TextField } from './texts.js';

/** The templates' placeholders all start with TODO (in capitals, as a word of its own). */
const PLACEHOLDER = /^\s*TODO\b/;

/**
 * Whether PLACEHOLDER could match, told from the first character: a `T`, or one that `\s` may
 * match (every such character is at most U+0020, U+00A0, or from U+1680 on). Most text starts
 * with another letter and is told without the regex.
 */
export function mayBePlaceholder(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 0x54 || c <= 0x20 || c === 0xa0 || c >= 0x1680;
}

/** Where a document still holds a template placeholder (for the report's refusal too). */
export function findPlaceholders(value: unknown, fields: readonly TextField[] = textFields(value)): { path: DocPath; text: string }[] {
  const out: { path: DocPath; text: string }[] = [];
  for (const f of fields) if (f.kind === 'string' && mayBePlaceholder(f.text) && PLACEHOLDER.test(f.text)) out.push({ path: pathOf(f.place), text: f.text.trim().split('\n')[0] as string });
  return out;
}

/**
 * Whether any string in a document is a placeholder: the strings findPlaceholders looks at (every
 * string under the document's lists and keys), without making its list of fields. `report` asks
 * this of every document of a repository, at the moment its memory is fullest.
 */
export function hasPlaceholder(value: unknown): boolean {
  if (typeof value === 'string') return mayBePlaceholder(value) && PLACEHOLDER.test(value);
  if (Array.isArray(value)) {
    for (const item of value) if (hasPlaceholder(item)) return true;
  } else if (typeof value === 'object' && value !== null) {
    const dict = value as Record<string, unknown>;
    for (const k of Object.keys(dict)) if (hasPlaceholder(dict[k])) return true;
  }
  return false;
}

type Args = { text: string };

export const placeholder = defineRule<Args>()({
  code: 'placeholder',
  severity: 'warning',
  scope: 'document',
  summary: 'en `TODO …`-platshållare från `lofte new` står kvar (`report` vägrar publicera)',
  words: {
    sv: {
      title: 'Platshållare från mallen',
      message: (a) => t`Mallens platshållare står kvar: ${code(a.text)}.`,
      hint: () => t`Skriv den riktiga texten i stället för TODO-raden. ${code('lofte report')} publicerar inte dokument med platshållare.`,
    },
    en: {
      title: 'Template placeholder',
      message: (a) => t`The template's placeholder is still there: ${code(a.text)}.`,
      hint: () => t`${code('lofte report')} does not publish documents with placeholders: write the real text instead of the TODO line.`,
    },
  },
  samples: [{ text: 'TODO: skriv löftet' }],
  check(ctx) {
    for (const entity of ctx.entities) {
      for (const found of findPlaceholders(entity.value, ctx.texts(entity))) ctx.report(entity, found.path, { text: found.text.length > 60 ? `${found.text.slice(0, 59)}…` : found.text });
    }
  },
});
