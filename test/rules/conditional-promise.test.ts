// conditional-promise: a promise that only holds "om det uppkommer önskemål" is no promise.

import { expect } from 'vitest';
import { ruleTester } from '../rule-tester.js';
import { medborgarlofte } from './_promise.js';

const lofte = (text: string): string =>
  medborgarlofte(`  - id: foraldramoten\n    text: ${text}\n    ansvarig: lpo-mora\n    medverkande: [mora-kommun]\n    problembild: mora-stationen\n    omfattning: { antal: 3, enhet: föräldramöten }\n`);

ruleTester('conditional-promise', {
  valid: [{ name: 'unconditional', files: { 'mora-2027.yaml': lofte('Polisen lovar att delta i tre föräldramöten på högstadiet.') } }],
  invalid: [
    {
      name: '"vid behov"',
      files: { 'mora-2027.yaml': lofte('Polisen lovar att delta i föräldramöten vid behov.') },
      errors: [{ code: 'conditional-promise', at: '11:51', args: { lofte: 'foraldramoten', phrases: ['vid behov'], tips: expect.any(String) } }],
    },
  ],
});
