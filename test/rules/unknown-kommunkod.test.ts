// unknown-kommunkod: a kommun's kommunkod must be one of SCB's 290.

import { ruleTester } from '../rule-tester.js';

const kommun = (kod: string): string => `apiVersion: lofte/v1\nkind: Aktor\nid: orsa-kommun\nnamn: Orsa kommun\ntyp: kommun\nkommunkod: "${kod}"\n`;

ruleTester('unknown-kommunkod', {
  valid: [{ name: 'Orsa, 2034', files: { 'orsa.yaml': kommun('2034') } }],
  invalid: [
    {
      name: 'a code SCB has never given',
      files: { 'orsa.yaml': kommun('2099') },
      errors: [{ code: 'unknown-kommunkod', at: '6:12', args: { value: '2099', suggestion: '2034', suggestionName: 'Orsa' } }],
    },
  ],
});
