// follow-up-unknown-promise: a follow-up reports only on promises of the document it follows up.

import { ruleTester } from '../rule-tester.js';

const uppfoljning = (lofte: string): string =>
  `apiVersion: lofte/v1\nkind: Uppfoljning\nid: mora-2026-h2\nmedborgarlofte: mora-2026\ndatum: 2026-10-31\nrapportor: lpo-mora\nresultat:\n  - lofte: ${lofte}\n    status: pagaende\n`;

ruleTester('follow-up-unknown-promise', {
  valid: [{ name: 'a promise of mora-2026', files: { 'uppfoljning-h2.yaml': uppfoljning('belysning') } }],
  invalid: [
    {
      name: 'a promise mora-2026 does not make',
      files: { 'uppfoljning-h2.yaml': uppfoljning('belysningen') },
      errors: [{ code: 'follow-up-unknown-promise', at: '8:12', args: { lofte: 'belysningen', document: 'mora-2026', suggestions: ['belysning'] } }],
    },
  ],
});
