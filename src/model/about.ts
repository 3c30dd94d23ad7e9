// Which documents a finding is about, by id: the entity it is in and, where its path is inside one
// promise (a Medborgarlofte's `loften[i]`, an Uppfoljning's `resultat[i]`), that promise.

import type { About } from '../diagnostics/build.js';
import type { DocPath } from '../diagnostics/types.js';
import { asArray, asDict, asString } from './access.js';

export function aboutPath(kind: string, id: string | undefined, value: Record<string, unknown>, path: DocPath): About {
  const [list, index] = path;
  if (typeof index !== 'number') return { entity: id };
  if (kind === 'Medborgarlofte' && list === 'loften') return { entity: id, promise: asString(asDict(asArray(value['loften'])[index])?.['id']) };
  if (kind === 'Uppfoljning' && list === 'resultat') return { entity: id, promise: asString(asDict(asArray(value['resultat'])[index])?.['lofte']) };
  return { entity: id };
}
