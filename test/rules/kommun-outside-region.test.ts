// kommun-outside-region: a lokalpolisområde's kommuner lie in its own polisregion.

import { ruleTester } from '../rule-tester.js';
import { BASE } from '../rule-tester.js';

const aktorer = BASE['aktorer.yaml'] as string;
const args = { kommun: 'Mora', kommunRegion: 'Polisregion Bergslagen', lpo: 'Lokalpolisområde Mora', lpoRegion: 'Polisregion Mitt' };

ruleTester('kommun-outside-region', {
  valid: [{ name: 'Mora in Bergslagen', files: { 'aktorer.yaml': aktorer } }],
  invalid: [
    {
      name: 'Mora said to be in region Mitt',
      files: { 'aktorer.yaml': aktorer.replace('polisregion: bergslagen', 'polisregion: mitt') },
      // Every document that names Mora under the police area of region Mitt says so.
      errors: [
        { code: 'kommun-outside-region', at: '8:5', args },
        { code: 'kommun-outside-region', file: 'medborgarlofte.yaml', at: '7:5', args },
        { code: 'kommun-outside-region', file: 'problembild.yaml', at: '7:5', args },
      ],
    },
  ],
});
