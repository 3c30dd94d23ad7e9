// file-unreadable: a file lofte cannot read as UTF-8 text.

import { describe, expect, it } from 'vitest';
import { START_OF_FILE, makeDiagnostic } from '../../src/diagnostics/make.js';
import { describe as describeFinding } from '../../src/diagnostics/messages/index.js';
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

describe('the hint fits the reason a file could not be read', () => {
  const hint = (reason: string, lang: 'sv' | 'en') => describeFinding(makeDiagnostic('file-unreadable', 'a.yaml', START_OF_FILE, [], { reason }), lang).hint;
  it('says how to get at a file or folder that may not be read, and gives no UTF-8 advice for it', () => {
    expect(hint('permission', 'sv')).toBe('Ge din användare läsrätt till filen (t.ex. `chmod u+r`).');
    expect(hint('folder', 'sv')).toBe('Ge din användare rätt att läsa och öppna mappen (t.ex. `chmod u+rx`).');
    expect(hint('permission', 'en')).toBe('Give your user read permission on the file (e.g. `chmod u+r`).');
    expect(hint('gone', 'sv')).toBe('Kör lofte igen när filerna har slutat ändras.');
    expect(hint('not-a-file', 'sv')).toBeUndefined();
    expect(hint('read', 'sv')).toBe('Spara filen som UTF-8 och kontrollera att den går att öppna.');
  });
});
