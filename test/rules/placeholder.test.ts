// placeholder: a `TODO …` text from `lofte new`'s templates is still there.

import { ruleTester } from '../rule-tester.js';

const aktor = (namn: string): string => `apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: ${namn}\ntyp: ovrig\n`;

ruleTester('placeholder', {
  valid: [
    { name: 'a real name', files: { 'aktor.yaml': aktor('Fritidsgården') } },
    { name: 'TODO in a comment only', files: { 'aktor.yaml': `# TODO: be föreståndaren om en kontakt.\n${aktor('Fritidsgården')}` } },
  ],
  invalid: [
    {
      name: 'a TODO left in the name',
      files: { 'aktor.yaml': aktor('TODO skriv aktörens namn') },
      errors: [{ code: 'placeholder', at: '4:7', args: { text: 'TODO skriv aktörens namn' } }],
    },
  ],
});
