// vague-wording: a promise says what will be done, not that someone will "verka för" something.

import { expect } from 'vitest';
import { ruleTester } from '../rule-tester.js';
import { medborgarlofte } from './_promise.js';

const lofte = (text: string): string =>
  medborgarlofte(`  - id: samverkan\n    text: ${text}\n    ansvarig: lpo-mora\n    medverkande: [mora-kommun]\n    problembild: mora-stationen\n    senast: 2027-06-30\n`);

ruleTester('vague-wording', {
  valid: [
    { name: 'a concrete promise', files: { 'mora-2027.yaml': lofte('Polisen lovar att hålla fyra trygghetsvandringar vid resecentrum.') } },
    { name: '"verka" in a purpose clause', files: { 'mora-2027.yaml': lofte('Polisen lovar fyra trygghetsvandringar för att verka för ett tryggare resecentrum.') } },
  ],
  invalid: [
    {
      name: '"verka för"',
      files: { 'mora-2027.yaml': lofte('Polisen lovar att verka för ett tryggare resecentrum.') },
      errors: [{ code: 'vague-wording', at: '11:29', args: { lofte: 'samverkan', phrases: ['verka för'], tips: expect.any(String) }, message: 'Löftet `samverkan` är vagt formulerat: "verka för".' }],
    },
  ],
});
