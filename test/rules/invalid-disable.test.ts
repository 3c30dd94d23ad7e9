// invalid-disable: a disable comment names a rule lofte has and says why.

import { ruleTester } from '../rule-tester.js';

const lofte = (comment: string): string => `apiVersion: lofte/v1
kind: Medborgarlofte
id: mora-2027
titel: Medborgarlöften för Mora 2027
lokalpolisomrade: lpo-mora
kommuner: [mora-kommun]
giltighet: { from: 2027-01-01, tom: 2027-12-31 }
status: utkast
loften:
  - id: samverkan
    ${comment}
    text: Polisen lovar att verka för ett tryggare resecentrum.
    ansvarig: lpo-mora
    medverkande: [mora-kommun]
    problembild: mora-stationen
    senast: 2027-06-30
`;

ruleTester('invalid-disable', {
  valid: [{ name: 'a known rule and a reason', files: { 'mora-2027.yaml': lofte('# lofte-disable-next-line vague-wording -- beslutat av styrgruppen') } }],
  invalid: [
    {
      name: 'a rule lofte does not have',
      files: { 'mora-2027.yaml': lofte('# lofte-disable-next-line vague-wordings -- beslutat av styrgruppen') },
      errors: [{ code: 'invalid-disable', at: '11:5', args: { problem: 'unknown-rule', rule: 'vague-wordings', suggestion: 'vague-wording' } }],
    },
    {
      name: 'no reason given',
      files: { 'mora-2027.yaml': lofte('# lofte-disable-next-line vague-wording') },
      errors: [{ code: 'invalid-disable', at: '11:5', args: { problem: 'no-reason', rule: 'vague-wording' } }],
    },
  ],
});
