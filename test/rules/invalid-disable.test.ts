// invalid-disable: a disable comment names a rule lofte has and says why.

import { describe, expect, it } from 'vitest';
import { START_OF_FILE, makeDiagnostic } from '../../src/diagnostics/make.js';
import { describe as describeFinding } from '../../src/diagnostics/messages/index.js';
import { ruleTester } from '../rule-tester.js';
import { medborgarlofte } from './_promise.js';

const lofte = (comment: string): string =>
  medborgarlofte(`  - id: samverkan
    ${comment}
    text: Polisen lovar att verka för ett tryggare resecentrum.
    ansvarig: lpo-mora
    medverkande: [mora-kommun]
    problembild: mora-stationen
    senast: 2027-06-30
`);

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

describe('a misspelt rule in a disable comment', () => {
  it('gets the closest rule as its hint in both languages', () => {
    const d = makeDiagnostic('invalid-disable', 'a.yaml', START_OF_FILE, [], { problem: 'unknown-rule', rule: 'vague-wordings', suggestion: 'vague-wording' });
    expect(describeFinding(d, 'sv').hint).toBe('Menade du `vague-wording`?');
    expect(describeFinding(d, 'en').hint).toBe('Did you mean `vague-wording`?');
  });
});
