// The reference data lofte ships: Sweden's 290 kommuner (SCB codes) and the 7 polisregioner.

import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';

export interface Kommun {
  kod: string;
  namn: string;
  lanskod: string;
  lan: string;
  polisregion: string;
}

export interface Polisregion {
  id: string;
  namn: string;
  lanskoder: string[];
}

export interface ReferenceData {
  kommuner: ReadonlyMap<string, Kommun>;
  polisregioner: ReadonlyMap<string, Polisregion>;
}

let cached: ReferenceData | undefined;

export function referenceData(): ReferenceData {
  if (cached) return cached;
  const kommuner = JSON.parse(readFileSync(packagePath('data', 'kommuner.json'), 'utf8')) as Kommun[];
  const regioner = JSON.parse(readFileSync(packagePath('data', 'polisregioner.json'), 'utf8')) as Polisregion[];
  cached = {
    kommuner: new Map(kommuner.map((k) => [k.kod, k])),
    polisregioner: new Map(regioner.map((r) => [r.id, r])),
  };
  return cached;
}
