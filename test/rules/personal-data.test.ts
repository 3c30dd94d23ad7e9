// personal-data: no personnummer or samordningsnummer anywhere in the repository.

import { ruleTester } from '../rule-tester.js';

const aktor = (beskrivning: string): string => `apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården\ntyp: ovrig\nbeskrivning: ${beskrivning}\n`;

ruleTester('personal-data', {
  valid: [
    { name: 'a diarienummer', files: { 'aktor.yaml': aktor('Beslut enligt dnr 2025-001234.') } },
    { name: 'a number that fails the check digit', files: { 'aktor.yaml': aktor('Kod 121212-1213 på dörren.') } },
  ],
  invalid: [
    {
      name: 'a personnummer in a description',
      files: { 'aktor.yaml': aktor('Föreståndare är 121212-1212 sedan i våras.') },
      errors: [{ code: 'personal-data', at: '6:14', args: { masked: '121212-XXXX' } }],
    },
    {
      name: 'a samordningsnummer in an internal note',
      files: { 'aktor.yaml': `${aktor('Gården har öppet på kvällarna.')}intern:\n  kontakt: 701063-2391\n` },
      errors: [{ code: 'personal-data', at: '8:12', args: { masked: '701063-XXXX' } }],
    },
  ],
});
