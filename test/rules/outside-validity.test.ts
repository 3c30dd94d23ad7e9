// outside-validity: a promise's time frame and deadline lie inside the document's giltighet.

import { ruleTester } from '../rule-tester.js';

const lofte = (extra: string): string => `apiVersion: lofte/v1
kind: Medborgarlofte
id: mora-2027
titel: Medborgarlöften för Mora 2027
lokalpolisomrade: lpo-mora
kommuner: [mora-kommun]
giltighet: { from: 2027-01-01, tom: 2027-12-31 }
status: utkast
loften:
  - id: kameror
    text: Kommunen lovar att sätta upp trygghetskameror vid resecentrum.
    ansvarig: mora-kommun
    medverkande: [lpo-mora]
    problembild: mora-stationen
${extra}`;

ruleTester('outside-validity', {
  valid: [{ name: 'a deadline inside the year', files: { 'mora-2027.yaml': lofte('    senast: 2027-09-30\n') } }],
  invalid: [
    {
      name: 'a deadline after the giltighet',
      files: { 'mora-2027.yaml': lofte('    senast: 2028-03-31\n') },
      errors: [
        {
          code: 'outside-validity',
          at: '15:13',
          args: { lofte: 'kameror', senast: '2028-03-31', validFrom: '2027-01-01', validTom: '2027-12-31', within: 'giltighet' },
          message: 'Löftet `kameror` ska vara genomfört senast 2028-03-31, utanför medborgarlöftets giltighet 2027-01-01–2027-12-31.',
        },
      ],
    },
    {
      name: 'a time frame that starts before the giltighet',
      files: { 'mora-2027.yaml': lofte('    tidsram: { from: 2026-10-01, tom: 2027-06-30 }\n') },
      errors: [{ code: 'outside-validity', at: '15:22', args: { lofte: 'kameror', from: '2026-10-01', tom: '2027-06-30', validFrom: '2027-01-01', validTom: '2027-12-31' } }],
    },
  ],
});
