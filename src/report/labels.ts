// Swedish words for enum values in reports, from data/etiketter.yaml.

import { readDataFile } from '../paths.js';

export type LabelGroup = 'status' | 'resultat' | 'kalla' | 'aktor' | 'per' | 'kadens';

let cached: Record<LabelGroup, Record<string, string>> | undefined;

export function label(group: LabelGroup, key: string): string {
  cached ??= readDataFile('etiketter.yaml') as Record<LabelGroup, Record<string, string>>;
  return cached[group][key] ?? key;
}
