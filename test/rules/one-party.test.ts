// one-party: medborgarlöften are made together; one actor promising everything alone is not.

import { ruleTester } from '../rule-tester.js';
import { medborgarlofte } from './_promise.js';

const lofte = (id: string, ansvarig: string): string =>
  `  - id: ${id}\n    text: Vi lovar att hålla ${id} vid resecentrum varje månad.\n    ansvarig: ${ansvarig}\n    problembild: mora-stationen\n    frekvens: { antal: 1, per: manad }\n`;

ruleTester('one-party', {
  valid: [{ name: 'police and kommun', files: { 'mora-2027.yaml': medborgarlofte(lofte('trygghetsvandring', 'lpo-mora') + lofte('stadning', 'mora-kommun')) } }],
  invalid: [
    {
      name: 'the police alone',
      files: { 'mora-2027.yaml': medborgarlofte(lofte('trygghetsvandring', 'lpo-mora') + lofte('kontroll', 'lpo-mora')) },
      errors: [{ code: 'one-party', at: '9:1', args: { actor: 'lpo-mora', count: 2, document: 'mora-2027' } }],
    },
  ],
});
