// unresolved-reference: every id a document names must be the id of a document in the repository.

import { ruleTester } from '../rule-tester.js';

const uppfoljning = (medborgarlofte: string, rapportor: string): string =>
  `apiVersion: lofte/v1\nkind: Uppfoljning\nid: mora-2026-h2\nmedborgarlofte: ${medborgarlofte}\ndatum: 2026-10-31\nrapportor: ${rapportor}\nresultat:\n  - lofte: kvallspatrull\n    status: pagaende\n`;

ruleTester('unresolved-reference', {
  valid: [{ name: 'a follow-up of the base promise', files: { 'uppfoljning-h2.yaml': uppfoljning('mora-2026', 'lpo-mora') } }],
  invalid: [
    {
      name: 'a misspelt reporter, with a suggestion',
      files: { 'uppfoljning-h2.yaml': uppfoljning('mora-2026', 'lpo-moora') },
      errors: [{ code: 'unresolved-reference', at: '6:12', args: { id: 'lpo-moora', expectedKind: 'Aktor', suggestions: ['lpo-mora'] } }],
    },
    {
      name: 'a medborgarlöfte that is not there',
      files: { 'uppfoljning-h2.yaml': uppfoljning('alvdalen-2026', 'lpo-mora') },
      errors: [{ code: 'unresolved-reference', at: '4:17', args: { id: 'alvdalen-2026', expectedKind: 'Medborgarlofte', suggestions: ['mora-2026'] } }],
    },
  ],
});
