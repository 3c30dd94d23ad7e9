// kommun-outside-region: a lokalpolisområde's kommuner lie in its own polisregion.

import { asString } from '../model/access.js';
import type { Entity } from '../schema/index.js';
import type { Rule } from './types.js';

export const kommunOutsideRegion: Rule = {
  code: 'kommun-outside-region',
  scope: 'repository',
  check(ctx) {
    const lpoOf = (entity: Entity): Entity | undefined => {
      if (entity.kind === 'Aktor') return entity.value['typ'] === 'lokalpolisomrade' ? entity : undefined;
      const id = asString(entity.value['lokalpolisomrade']);
      const lpo = id === undefined ? undefined : ctx.graph.byId.get(id);
      return lpo?.kind === 'Aktor' && lpo.value['typ'] === 'lokalpolisomrade' ? lpo : undefined;
    };
    for (const link of ctx.graph.links) {
      if (link.spec.typ !== 'kommun' || link.path[0] !== 'kommuner') continue;
      const lpo = lpoOf(link.from);
      const region = asString(lpo?.value['polisregion']);
      const kod = asString(link.to.value['kommunkod']);
      const kommun = kod === undefined ? undefined : ctx.data.kommuner.get(kod);
      if (!lpo || !region || !kommun || kommun.polisregion === region) continue;
      ctx.report(link.from, link.path, {
        kommun: kommun.namn,
        kommunRegion: ctx.data.polisregioner.get(kommun.polisregion)?.namn ?? kommun.polisregion,
        lpo: asString(lpo.value['namn']) ?? lpo.id,
        lpoRegion: ctx.data.polisregioner.get(region)?.namn ?? region,
      });
    }
  },
};
