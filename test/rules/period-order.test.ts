// period-order: a period ends on or after the day it starts.

import { ruleTester } from '../rule-tester.js';

const lofte = (from: string, tom: string): string => `apiVersion: lofte/v1
kind: Medborgarlofte
id: mora-2027
titel: Medborgarlöften för Mora 2027
lokalpolisomrade: lpo-mora
kommuner: [mora-kommun]
giltighet:
  from: ${from}
  tom: ${tom}
status: utkast
loften:
  - id: skolvag
    text: Polisen lovar att finnas vid skolvägarna minst två morgnar i veckan.
    ansvarig: lpo-mora
    medverkande: [mora-kommun]
    problembild: mora-stationen
    frekvens: { antal: 2, per: vecka }
`;

ruleTester('period-order', {
  valid: [
    { name: 'a year', files: { 'mora-2027.yaml': lofte('2027-01-01', '2027-12-31') } },
    { name: 'one day', files: { 'mora-2027.yaml': lofte('2027-06-06', '2027-06-06') } },
  ],
  invalid: [
    {
      name: 'tom before from',
      files: { 'mora-2027.yaml': lofte('2027-12-31', '2027-01-01') },
      errors: [{ code: 'period-order', at: '9:8', args: { field: 'giltighet', from: '2027-12-31', tom: '2027-01-01' } }],
    },
  ],
});
