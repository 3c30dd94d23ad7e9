// file-unreadable: a file lofte cannot read as UTF-8 text.

import { ruleTester } from '../rule-tester.js';

const aktor = 'apiVersion: lofte/v1\nkind: Aktor\nid: fritid\nnamn: Fritidsgården i Våmhus\ntyp: ovrig\n';

ruleTester('file-unreadable', {
  valid: [
    { name: 'UTF-8 with a byte order mark', files: { 'aktor.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(aktor, 'utf8')]) } },
    { name: 'old Mac line ends', files: { 'aktor.yaml': aktor.replace(/\n/g, '\r') } },
  ],
  invalid: [
    {
      name: 'Latin-1: the å is one byte',
      files: { 'aktor.yaml': Buffer.from(aktor, 'latin1') },
      errors: [{ code: 'file-unreadable', at: '4:15', args: { reason: 'encoding', byte: '0xE5' }, message: 'Filen är inte UTF-8-text: byten 0xE5 här hör inte till UTF-8.' }],
    },
    {
      name: 'UTF-16',
      files: { 'aktor.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(aktor, 'utf16le')]) },
      errors: [{ code: 'file-unreadable', at: '1:1', args: { reason: 'utf16' } }],
    },
    {
      name: 'binary data',
      files: { 'bild.yaml': Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x00, 0x01, 0x02]) },
      errors: [{ code: 'file-unreadable', at: '1:1', args: { reason: 'binary' }, message: 'Filen innehåller binära data (NUL-tecken), inte text.' }],
    },
  ],
});
