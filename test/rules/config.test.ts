// config: lofte.config.yaml follows its schema; the command stops before any file is read.

import { ruleTester } from '../rule-tester.js';

ruleTester('config', {
  valid: [
    { name: 'a rule turned off', files: { 'lofte.config.yaml': 'regler:\n  one-party: off\n' } },
    { name: 'English and an ignored folder', files: { 'lofte.config.yaml': 'sprak: en\nignorera:\n  - utkast/**\n' } },
  ],
  invalid: [
    {
      name: 'a severity misspelt',
      files: { 'lofte.config.yaml': 'regler:\n  one-party: of\n' },
      errors: [{ code: 'config', at: '2:14', args: { problem: 'enum', field: 'one-party', parent: '', value: 'of', allowed: ['off', 'warn', 'error'], suggestion: 'off', description: 'Allvarsgrad för one-party (standard: warn).' }, message: '`of` är inte ett tillåtet värde för `one-party`.' }],
    },
    {
      name: 'a rule name misspelt',
      files: { 'lofte.config.yaml': 'regler:\n  vage-wording: off\n' },
      errors: [{ code: 'config', at: '2:3', args: { problem: 'additional', field: 'vage-wording', parent: 'Regler', suggestion: 'vague-wording' }, message: 'Okänt fält `vage-wording` i regler.' }],
    },
    {
      name: 'an unknown setting',
      files: { 'lofte.config.yaml': 'sprak: sv\nfarg: ja\n' },
      errors: [{ code: 'config', at: '2:1', args: { problem: 'additional', field: 'farg', parent: 'lofte-konfiguration' }, message: 'Okänt fält `farg` i lofte-konfiguration.' }],
    },
  ],
});
