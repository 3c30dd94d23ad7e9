// placeholder: a `TODO …` text from `lofte new`'s templates is still there. A warning while the
// document is written; `lofte report` refuses to publish it.

import { code, t } from '../diagnostics/parts.js';
import type { DocPath } from '../diagnostics/types.js';
import { defineRule } from './define.js';

/** The templates' placeholders all start with TODO (in capitals, as a word of its own). */
const PLACEHOLDER = /^\s*TODO\b/;

function placeholders(value: unknown, path: (string | number)[], out: { path: DocPath; text: string }[]): void {
  if (typeof value === 'string') {
    if (PLACEHOLDER.test(value)) out.push({ path: [...path], text: value.trim().split('\n')[0] as string });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => placeholders(v, [...path, i], out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) placeholders(v, [...path, k], out);
  }
}

/** Where a document still holds a template placeholder (for the report's refusal too). */
export function findPlaceholders(value: unknown): { path: DocPath; text: string }[] {
  const out: { path: DocPath; text: string }[] = [];
  placeholders(value, [], out);
  return out;
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
      for (const found of findPlaceholders(entity.value)) ctx.report(entity, found.path, { text: found.text.length > 60 ? `${found.text.slice(0, 59)}…` : found.text });
    }
  },
});
