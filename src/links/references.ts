// Every reference a document can make: where it sits, and what kind (and actor typ) it must name.

import type { DocPath } from '../diagnostics/types.js';
import type { Kind } from '../model/kinds.js';

/** `*` is every item of a list; `*?` is the value itself when it is one id, or every item of a list. */
export type PathPattern = readonly (string | '*' | '*?')[];

export interface ReferenceSpec {
  from: Kind;
  path: PathPattern;
  to: Kind;
  /** For references to actors: the `typ` the actor must have. */
  typ?: 'kommun' | 'lokalpolisomrade';
}

export const REFERENCES: readonly ReferenceSpec[] = [
  { from: 'Aktor', path: ['kommuner', '*'], to: 'Aktor', typ: 'kommun' },
  { from: 'Problembild', path: ['lokalpolisomrade'], to: 'Aktor', typ: 'lokalpolisomrade' },
  { from: 'Problembild', path: ['kommuner', '*'], to: 'Aktor', typ: 'kommun' },
  { from: 'Medborgarlofte', path: ['lokalpolisomrade'], to: 'Aktor', typ: 'lokalpolisomrade' },
  { from: 'Medborgarlofte', path: ['kommuner', '*'], to: 'Aktor', typ: 'kommun' },
  { from: 'Medborgarlofte', path: ['loften', '*', 'ansvarig', '*?'], to: 'Aktor' },
  { from: 'Medborgarlofte', path: ['loften', '*', 'medverkande', '*'], to: 'Aktor' },
  { from: 'Medborgarlofte', path: ['loften', '*', 'problembild', '*?'], to: 'Problembild' },
  { from: 'Medborgarlofte', path: ['undertecknare', '*', 'aktor'], to: 'Aktor' },
  { from: 'Uppfoljning', path: ['medborgarlofte'], to: 'Medborgarlofte' },
  { from: 'Uppfoljning', path: ['rapportor'], to: 'Aktor' },
];

export interface FoundReference {
  path: DocPath;
  id: string;
}

/** The string ids found at a pattern in a document; values of the wrong shape are the schema's to report. */
export function collectReferences(value: unknown, pattern: PathPattern): FoundReference[] {
  const out: FoundReference[] = [];
  // One path, grown and shrunk on the way down: it is copied only for a reference found.
  const path: (string | number)[] = [];
  const walk = (node: unknown, i: number): void => {
    if (i === pattern.length) {
      if (typeof node === 'string') out.push({ path: path.slice(), id: node });
      return;
    }
    const seg = pattern[i] as string;
    if (seg === '*' || seg === '*?') {
      if (Array.isArray(node)) {
        for (let j = 0; j < node.length; j++) {
          path.push(j);
          walk(node[j], i + 1);
          path.pop();
        }
      } else if (seg === '*?') walk(node, i + 1);
      return;
    }
    if (typeof node === 'object' && node !== null && !Array.isArray(node) && Object.hasOwn(node, seg)) {
      path.push(seg);
      walk((node as Record<string, unknown>)[seg], i + 1);
      path.pop();
    }
  };
  walk(value, 0);
  return out;
}
