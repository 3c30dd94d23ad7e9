// limit-exceeded: nesting, aliases and findings have limits, so that a hostile file cannot hang a run.

import { ruleTester } from '../rule-tester.js';

const head = 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården\ntyp: ovrig\n';
const nested = (depth: number): string => `${head}intern:\n${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i + 1)}n${i}:`).join('\n')} slut\n`;

ruleTester('limit-exceeded', {
  valid: [
    { name: 'nesting within the limit', files: { 'aktor.yaml': nested(5), 'lofte.config.yaml': 'granser:\n  djup: 8\n' } },
    { name: 'a few aliases', files: { 'aktor.yaml': `${head}intern:\n  a: &a [kväll, natt]\n  b: *a\n` } },
  ],
  invalid: [
    {
      name: 'nested deeper than granser.djup',
      files: { 'aktor.yaml': nested(12), 'lofte.config.yaml': 'granser:\n  djup: 8\n' },
      errors: [{ code: 'limit-exceeded', at: '1:1', args: { limit: 'depth', max: 8 } }],
    },
    {
      name: 'more aliases than granser.alias',
      files: { 'aktor.yaml': `${head}intern:\n  a: &a [kväll, natt]\n  b: [*a, *a, *a, *a]\n`, 'lofte.config.yaml': 'granser:\n  alias: 2\n' },
      errors: [{ code: 'limit-exceeded', at: '1:1', args: { limit: 'alias', max: 2 } }],
    },
    {
      name: 'more than 1000 findings in one file',
      files: { 'aktor.yaml': `${head}${Array.from({ length: 1003 }, (_, i) => `falt${i}: x\n`).join('')}` },
      errors: [{ code: 'limit-exceeded', at: '1006:1', args: { limit: 'findings', max: 1000, more: 3 } }],
    },
  ],
});
