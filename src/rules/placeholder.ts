// placeholder: a `TODO …` text from `lofte new`'s templates is still there. A warning while the
// document is written; `lofte report` refuses to publish it.

import type { DocPath } from '../diagnostics/types.js';
import type { Rule } from './types.js';

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

export const placeholder: Rule = {
  code: 'placeholder',
  scope: 'document',
  check(ctx) {
    for (const entity of ctx.entities) {
      for (const found of findPlaceholders(entity.value)) ctx.report(entity, found.path, { text: found.text.length > 60 ? `${found.text.slice(0, 59)}…` : found.text });
    }
  },
};
