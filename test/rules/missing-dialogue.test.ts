// missing-dialogue: a problembild rests on both the citizens' and the staff's knowledge.

import { ruleTester } from '../rule-tester.js';
import { BASE } from '../rule-tester.js';

const base = BASE['problembild.yaml'] as string;

ruleTester('missing-dialogue', {
  valid: [
    { name: 'both dialogues', files: { 'problembild.yaml': base } },
    { name: 'a trygghetsmätning speaks for the citizens', files: { 'problembild.yaml': base.replace('typ: medborgardialog', 'typ: trygghetsmatning') } },
  ],
  invalid: [
    {
      name: 'no staff dialogue',
      files: { 'problembild.yaml': base.replace(/  - typ: medarbetardialog[^]*$/, '') },
      errors: [{ code: 'missing-dialogue', at: '11:1', args: { missing: ['medarbetardialog'] } }],
    },
    {
      name: 'no citizens’ voice at all',
      files: { 'problembild.yaml': base.replace('typ: medborgardialog', 'typ: anmalda_brott') },
      errors: [{ code: 'missing-dialogue', at: '11:1', args: { missing: ['medborgardialog'] } }],
    },
  ],
});
