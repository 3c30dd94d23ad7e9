// personal-data: no Swedish personnummer or samordningsnummer anywhere in the repository: in
// text, keys, ids and numbers, however written (util/personnummer.ts knows the spellings).

import { asDict } from '../model/access.js';
import { findPersonnummer } from '../util/personnummer.js';
import type { Rule } from './types.js';

export { findPersonnummer };

/** Every string, key and number of a value with its path: a personnummer may be any of them. */
function visitScalars(value: unknown, visit: (text: string, path: readonly (string | number)[]) => void, path: (string | number)[] = []): void {
  if (typeof value === 'string') visit(value, path);
  else if (typeof value === 'number' || typeof value === 'bigint') visit(String(value), path);
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      visitScalars(value[i], visit, path);
      path.pop();
    }
  } else {
    const d = asDict(value);
    if (!d) return;
    for (const k of Object.keys(d)) {
      path.push(k);
      visit(k, path);
      visitScalars(d[k], visit, path);
      path.pop();
    }
  }
}

export const personalData: Rule = {
  code: 'personal-data',
  scope: 'document',
  check(ctx) {
    for (const entity of ctx.entities) {
      visitScalars(entity.value, (text, path) => {
        for (const masked of findPersonnummer(text)) ctx.report(entity, [...path], { masked });
      });
    }
  },
};
