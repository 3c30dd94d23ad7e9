// reference-kind: an id must name a document of the kind the field asks for.

import { ruleTester } from '../rule-tester.js';

const uppfoljning = (rapportor: string): string =>
  `apiVersion: lofte/v1\nkind: Uppfoljning\nid: mora-2026-h2\nmedborgarlofte: mora-2026\ndatum: 2026-10-31\nrapportor: ${rapportor}\nresultat:\n  - lofte: kvallspatrull\n    status: pagaende\n`;

ruleTester('reference-kind', {
  valid: [{ name: 'the reporter is an actor', files: { 'uppfoljning-h2.yaml': uppfoljning('mora-kommun') } }],
  invalid: [
    {
      name: 'the reporter is a problembild',
      files: { 'uppfoljning-h2.yaml': uppfoljning('mora-stationen') },
      errors: [{ code: 'reference-kind', at: '6:12', args: { id: 'mora-stationen', expectedKind: 'Aktor', actualKind: 'Problembild', suggestions: ['lpo-mora', 'mora-kommun'] } }],
    },
  ],
});
