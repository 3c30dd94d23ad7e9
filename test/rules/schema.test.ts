// schema: a document must follow its kind's JSON schema.

import { expect } from 'vitest';
import { ruleTester } from '../rule-tester.js';

ruleTester('schema', {
  valid: [
    { name: 'a complete actor', files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården\ntyp: ovrig\n' } },
    { name: 'internal notes under intern', files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården\ntyp: ovrig\nintern:\n  anteckning: Ny föreståndare i höst.\n' } },
  ],
  invalid: [
    {
      name: 'an unknown field, misspelt',
      files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården\ntyp: ovrig\nwebplats: https://mora.se\n' },
      errors: [{ code: 'schema', at: '6:1', args: { problem: 'additional', field: 'webplats', parent: 'Aktör', suggestion: 'webbplats' }, message: 'Okänt fält `webplats` i aktör.' }],
    },
    {
      name: 'a required field missing',
      files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\ntyp: ovrig\n' },
      errors: [{ code: 'schema', at: '1:1', args: { problem: 'required', field: 'namn', parent: 'Aktör', description: expect.stringContaining('Aktörens namn') } }],
    },
    {
      name: 'a value not among the allowed',
      files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården\ntyp: forening\n' },
      errors: [{ code: 'schema', at: '5:6', args: {
            problem: 'enum',
            field: 'typ',
            parent: 'Typ',
            value: 'forening',
            allowed: ['lokalpolisomrade', 'kommun', 'region', 'myndighet', 'raddningstjanst', 'kollektivtrafik', 'bostadsbolag', 'naringsliv', 'civilsamhalle', 'ovrig'],
            description: expect.stringContaining('Vilken sorts aktör'),
          }, }],
    },
    {
      name: 'an id with capitals',
      files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: Fritid\nnamn: Fritidsgården\ntyp: ovrig\n' },
      errors: [{ code: 'schema', at: '3:5', args: { problem: 'id-pattern', field: 'id', parent: 'Id', value: 'Fritid', description: expect.stringContaining('kebab-case') } }],
    },
    {
      name: 'a list where a document belongs',
      files: { 'aktor.yaml': '# apiVersion: lofte/v1\n- kind: Aktor\n- id: fritid\n' },
      errors: [{ code: 'schema', at: '2:1', args: { problem: 'not-object', actual: 'array' }, message: 'Dokumentet ska vara en karta med fält (`nyckel: värde`), men är en lista.' }],
    },
    {
      name: 'an id that climbs out of the site folder',
      files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: ../../etc/passwd\nnamn: Fritidsgården\ntyp: ovrig\n' },
      errors: [
        {
          code: 'schema',
          at: '3:5',
          args: { problem: 'id-pattern', field: 'id', parent: 'Id', value: '../../etc/passwd', description: expect.stringContaining('kebab-case') },
          message: 'Id `../../etc/passwd` har fel form.',
        },
      ],
    },
    {
      name: 'a merge key',
      files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården\ntyp: ovrig\nkontakt:\n  <<: { roll: Föreståndare }\n' },
      errors: [{ code: 'schema', at: '7:3', args: { problem: 'merge-key' }, message: 'lofte stöder inte sammanslagningsnycklar (`<<`).' }],
    },
    {
      name: 'a __proto__ key',
      files: { 'aktor.yaml': 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården\ntyp: ovrig\n__proto__: { admin: true }\n' },
      errors: [{ code: 'schema', at: '6:1', args: { problem: 'additional', field: '__proto__', parent: 'Aktör' }, message: 'Okänt fält `__proto__` i aktör.' }],
    },
  ],
});
