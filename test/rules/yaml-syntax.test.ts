// yaml-syntax: a file meant for lofte that YAML (or its front matter) cannot read.

import { ruleTester } from '../rule-tester.js';

ruleTester('yaml-syntax', {
  valid: [
    { name: 'quoted colon in a value', files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: "Fritid: ungdomsgården"\ntyp: ovrig\n' } },
    { name: 'front matter closed', files: { 'aktor.md': '---\napiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården\ntyp: ovrig\n---\n\nGården har öppet på kvällarna.\n' } },
    { name: 'a file not meant for lofte may be broken', files: { 'annat.yaml': 'lista: [a, b\n' } },
  ],
  invalid: [
    {
      name: 'a key twice',
      files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården\nnamn: Fritidsgården Mora\ntyp: ovrig\n' },
      errors: [{ code: 'yaml-syntax', at: '5:1', args: { code: 'DUPLICATE_KEY', detail: 'namn' }, message: 'Nyckeln `namn` står två gånger.' }],
    },
    {
      name: 'a colon inside a value that is not quoted',
      files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritid: ungdomsgården\ntyp: ovrig\n' },
      errors: [{ code: 'yaml-syntax', at: '4:7', args: { code: 'COLON_IN_VALUE', detail: 'F' } }],
    },
    {
      name: 'a tab as indentation',
      files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården\ntyp: ovrig\nkontakt:\n\troll: Föreståndare\n' },
      errors: [{ code: 'yaml-syntax', at: '7:1', args: { code: 'TAB_AS_INDENT', detail: '\t' } }],
    },
    {
      name: 'YAML 1.1 asked for',
      files: { 'aktor.yaml': '%YAML 1.1\n---\napiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården\ntyp: ovrig\n' },
      errors: [{ code: 'yaml-syntax', at: '1:1', args: { code: 'YAML_VERSION', detail: '%YAML 1.1' }, message: 'lofte läser YAML 1.2, men filen begär `%YAML 1.1`.' }],
    },
    {
      name: 'an unknown tag',
      files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: !include namn.txt\ntyp: ovrig\n' },
      errors: [{ code: 'yaml-syntax', at: '4:7', args: { code: 'TAG_RESOLVE_FAILED', detail: '!include' }, message: 'Okänd YAML-tagg `!include`.' }],
    },
    {
      name: 'front matter opened with two dashes',
      files: { 'aktor.md': '--\napiVersion: lofte/v1\nkind: Aktor\nid: fritid\n---\n\nGården har öppet på kvällarna.\n' },
      errors: [
        {
          code: 'yaml-syntax',
          at: '1:1',
          args: { code: 'BAD_FRONT_MATTER_OPEN', detail: '--' },
          message: 'Filen ser ut som ett lofte-dokument, men front matter börjar inte med en rad `---` (första raden är `--`).',
        },
      ],
    },
    {
      name: 'an alias without its anchor',
      files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården\ntyp: ovrig\nbeskrivning: *text\n' },
      errors: [{ code: 'yaml-syntax', at: '1:1', args: { code: 'BAD_ALIAS', detail: '*text' }, message: 'Aliaset `*text` pekar inte på något ankare.' }],
    },
    {
      name: 'a JavaScript tag',
      files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: !!js/function "function () { return 1 }"\ntyp: ovrig\n' },
      errors: [{ code: 'yaml-syntax', at: '4:7', args: { code: 'TAG_RESOLVE_FAILED', detail: '!!js/function' }, message: 'Okänd YAML-tagg `!!js/function`.' }],
    },
    {
      name: 'front matter never closed',
      files: { 'aktor.md': '---\napiVersion: lofte/v1\nkind: Aktor\nid: fritid\n\nGården har öppet på kvällarna.\n' },
      errors: [{ code: 'yaml-syntax', at: '1:1', args: { code: 'UNTERMINATED_FRONT_MATTER', detail: '' }, message: 'Front matter saknar avslutande `---`.' }],
    },
    {
      name: 'beskrivning both in front matter and as the body',
      files: { 'aktor.md': '---\napiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården\ntyp: ovrig\nbeskrivning: Öppet på kvällarna.\n---\n\nGården har öppet på kvällarna.\n' },
      errors: [{ code: 'yaml-syntax', at: '7:1', args: { code: 'BODY_AND_BESKRIVNING', detail: '' } }],
    },
  ],
});
