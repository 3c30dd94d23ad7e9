// not-measurable: a promise says how much, how often or by when, so that it can be followed up.

import { ruleTester } from '../rule-tester.js';
import { medborgarlofte } from './_promise.js';

const lofte = (extra: string): string =>
  medborgarlofte(`  - id: ungdomsgarden\n    text: Polisen lovar att besöka ungdomsgården vid resecentrum.\n    ansvarig: lpo-mora\n    medverkande: [mora-kommun]\n    problembild: mora-stationen\n${extra}`);

ruleTester('not-measurable', {
  valid: [
    { name: 'a frequency', files: { 'mora-2027.yaml': lofte('    frekvens: { antal: 2, per: manad }\n') } },
    { name: 'a deadline', files: { 'mora-2027.yaml': lofte('    senast: 2027-05-31\n') } },
  ],
  invalid: [
    {
      name: 'neither amount, frequency nor deadline',
      files: { 'mora-2027.yaml': lofte('') },
      errors: [{ code: 'not-measurable', at: '10:9', args: { lofte: 'ungdomsgarden' } }],
    },
  ],
});
