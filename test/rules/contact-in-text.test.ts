// contact-in-text: e-mail addresses and phone numbers do not belong in published free text.

import { ruleTester } from '../rule-tester.js';

const aktor = (beskrivning: string): string => `apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården\ntyp: ovrig\nbeskrivning: ${beskrivning}\n`;

ruleTester('contact-in-text', {
  valid: [
    { name: 'the police number 114 14', files: { 'aktor.yaml': aktor('Ring 114 14 om du vill tipsa polisen.') } },
    { name: 'contact in its own field', files: { 'aktor.yaml': `${aktor('Gården har öppet på kvällarna.')}kontakt:\n  roll: Föreståndare\n  epost: fritid@mora.se\n` } },
  ],
  invalid: [
    {
      name: 'an e-mail address in the description',
      files: { 'aktor.yaml': aktor('Mejla fritid@mora.se för att boka lokalen.') },
      errors: [{ code: 'contact-in-text', at: '6:14', args: { found: ['fritid@mora.se'] } }],
    },
    {
      name: 'a mobile number',
      files: { 'aktor.yaml': aktor('Jourtelefon 070-123 45 67 på helger.') },
      errors: [{ code: 'contact-in-text', at: '6:14', args: { found: ['070-123 45 67'] } }],
    },
  ],
});
