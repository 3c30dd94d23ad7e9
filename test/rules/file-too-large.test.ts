// file-too-large: a file larger than the configured limit is not read at all.

import { ruleTester } from '../rule-tester.js';

const config = 'granser:\n  filstorlek_kb: 1\n';
const aktor = (namn: string): string => `apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: ${namn}\ntyp: ovrig\n`;

ruleTester('file-too-large', {
  valid: [{ name: 'just under the limit', files: { 'aktor.yaml': aktor('Fritidsgården'.padEnd(900, '.')), 'lofte.config.yaml': config } }],
  invalid: [
    {
      name: 'over the limit of 1 kB',
      files: { 'aktor.yaml': aktor('Fritidsgården'.padEnd(2000, '.')), 'lofte.config.yaml': config },
      errors: [{ code: 'file-too-large', at: '1:1', args: { size: 2063, max: 1024 } }],
    },
  ],
});
