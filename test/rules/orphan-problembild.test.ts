// orphan-problembild: a problembild no promise answers has been analysed and then left alone.

import { ruleTester } from '../rule-tester.js';

const problembild = `apiVersion: lofte/v1
kind: Problembild
id: mora-cykelstolder
titel: Cykelstölder vid gymnasiet
lokalpolisomrade: lpo-mora
kommuner: [mora-kommun]
faststalld: 2025-11-01
sekretess: offentlig
sammanfattning: Många cyklar stjäls från cykelstället vid gymnasiet.
kallor:
  - { typ: medborgardialog, beskrivning: Elevrådets enkät om trygghet., datum: 2025-10-01 }
  - { typ: medarbetardialog, beskrivning: Samtal med skolpolisen., datum: 2025-10-08 }
`;

ruleTester('orphan-problembild', {
  valid: [{ name: 'every problembild of the base is answered', files: {} }],
  invalid: [
    {
      name: 'no promise answers it',
      files: { 'cykelstolder.yaml': problembild },
      errors: [{ code: 'orphan-problembild', at: '3:5', args: { id: 'mora-cykelstolder' } }],
    },
  ],
});
