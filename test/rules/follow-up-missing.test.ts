// follow-up-missing: a promise whose follow-up period ended (30 days' grace) without a follow-up.

import { ruleTester } from '../rule-tester.js';

ruleTester('follow-up-missing', {
  valid: [
    { name: 'the first half-year followed up, the second not yet due', files: {}, asOf: '2026-11-24' },
    { name: 'within the 30 days after the year', files: {}, asOf: '2027-01-30' },
  ],
  invalid: [
    {
      name: 'the second half-year, 45 days later',
      files: {},
      asOf: '2027-02-14',
      errors: [
        { code: 'follow-up-missing', file: 'medborgarlofte.yaml', at: '13:9', args: { lofte: 'kvallspatrull', kadens: 'halvar', periodFrom: '2026-07-01', periodTom: '2026-12-31', asOf: '2027-02-14' } },
        { code: 'follow-up-missing', file: 'medborgarlofte.yaml', at: '23:9', args: { lofte: 'belysning', kadens: 'halvar', periodFrom: '2026-07-01', periodTom: '2026-12-31', asOf: '2027-02-14' } },
      ],
    },
    {
      name: 'no follow-up at all',
      files: { 'uppfoljning.yaml': null },
      errors: [
        { code: 'follow-up-missing', file: 'medborgarlofte.yaml', at: '13:9', args: { lofte: 'kvallspatrull', kadens: 'halvar', periodFrom: '2026-01-01', periodTom: '2026-06-30', asOf: '2026-11-24' } },
        { code: 'follow-up-missing', file: 'medborgarlofte.yaml', at: '23:9', args: { lofte: 'belysning', kadens: 'halvar', periodFrom: '2026-01-01', periodTom: '2026-06-30', asOf: '2026-11-24' } },
      ],
    },
  ],
});
