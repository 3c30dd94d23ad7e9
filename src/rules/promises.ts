// Walks the promises of every Medborgarlofte, for the rules that judge one promise at a time.

import { asArray, asDict, asString, type Dict } from '../model/access.js';
import type { Entity } from '../schema/index.js';

export interface PromiseRef {
  doc: Entity;
  index: number;
  lofte: Dict;
  id: string | undefined;
}

export function* promises(entities: readonly Entity[]): Generator<PromiseRef> {
  for (const doc of entities) {
    if (doc.kind !== 'Medborgarlofte') continue;
    const loften = asArray(doc.value['loften']);
    for (let index = 0; index < loften.length; index++) {
      const lofte = asDict(loften[index]);
      if (lofte) yield { doc, index, lofte, id: asString(lofte['id']) };
    }
  }
}
