// deviation-reason: a promise not kept in full has an `orsak` citizens can read.

import { ruleTester } from '../rule-tester.js';

const uppfoljning = (resultat: string): string =>
  `apiVersion: lofte/v1\nkind: Uppfoljning\nid: mora-2026-h2\nmedborgarlofte: mora-2026\ndatum: 2026-10-31\nrapportor: lpo-mora\nresultat:\n  - lofte: belysning\n${resultat}`;

ruleTester('deviation-reason', {
  valid: [
    { name: 'kept', files: { 'uppfoljning-h2.yaml': uppfoljning('    status: genomfort\n') } },
    { name: 'partly kept, with a reason', files: { 'uppfoljning-h2.yaml': uppfoljning('    status: delvis_genomfort\n    orsak: Leveransen av stolpar blev försenad till december.\n') } },
  ],
  invalid: [
    {
      name: 'partly kept, no reason',
      files: { 'uppfoljning-h2.yaml': uppfoljning('    status: delvis_genomfort\n') },
      errors: [
        {
          code: 'deviation-reason',
          at: '9:13',
          args: { lofte: 'belysning', status: 'delvis_genomfort' },
          message: 'Löftet `belysning` har status `delvis_genomfort` men ingen `orsak`.',
        },
      ],
    },
    {
      name: 'cannot be judged, no reason',
      files: { 'uppfoljning-h2.yaml': uppfoljning('    status: kan_ej_bedomas\n') },
      errors: [{ code: 'deviation-reason', at: '9:13', args: { lofte: 'belysning', status: 'kan_ej_bedomas' }, message: 'Löftet `belysning` har status `kan_ej_bedomas` men ingen `orsak`.' }],
    },
  ],
});
