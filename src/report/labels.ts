// Swedish words for enum values in reports, from data/etiketter.yaml.

import { readFileSync } from 'node:fs';
import jsyaml from 'js-yaml';
import { packagePath } from '../paths.js';

export type LabelGroup = 'status' | 'resultat' | 'kalla' | 'aktor' | 'per' | 'kadens';

let cached: Record<LabelGroup, Record<string, string>> | undefined;

export function label(group: LabelGroup, key: string): string {
  cached ??= jsyaml.load(readFileSync(packagePath('data', 'etiketter.yaml'), 'utf8')) as Record<LabelGroup, Record<string, string>>;
  return cached[group][key] ?? key;
}
