// kommun-outside-region: a lokalpolisområde's kommuner lie in its own polisregion.

import { code, t, value } from '../diagnostics/parts.js';
import { asString } from '../model/access.js';
import type { Entity } from '../schema/index.js';
import { defineRule } from './define.js';

type Args = { kommun: string; kommunRegion: string; lpo?: string; lpoRegion: string };

export const kommunOutsideRegion = defineRule<Args>()({
  code: 'kommun-outside-region',
  severity: 'warning',
  scope: 'repository',
  summary: 'en kommun i en annan polisregion än lokalpolisområdet',
  words: {
    sv: {
      title: 'Kommun i annan polisregion',
      message: (a) => t`${value(a.kommun)} hör till ${value(a.kommunRegion)}, men ${a.lpo === undefined ? 'lokalpolisområdet' : value(a.lpo)} hör till ${value(a.lpoRegion)}.`,
      hint: () => t`Kontrollera kommunkoden och lokalpolisområdets ${code('polisregion')}.`,
    },
    en: {
      title: 'Municipality in another police region',
      message: (a) => t`${value(a.kommun)} belongs to ${value(a.kommunRegion)}, but ${a.lpo === undefined ? 'the local police area' : value(a.lpo)} belongs to ${value(a.lpoRegion)}.`,
    },
  },
  samples: [
    { kommun: 'Laxå', kommunRegion: 'Region Bergslagen', lpo: 'LPO Västra Blekinge', lpoRegion: 'Region Syd' },
    { kommun: 'Laxå', kommunRegion: 'Region Bergslagen', lpoRegion: 'Region Syd' },
  ],
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
});
