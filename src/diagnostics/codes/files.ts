// file-unreadable, file-too-large, limit-exceeded: files and documents lofte does not read whole.

import { defineCode } from '../define.js';
import { code, t, value } from '../parts.js';

const UNREADABLE_SV: Readonly<Record<string, string>> = {
  gone: 'Filen försvann medan lofte läste förrådet.',
  binary: 'Filen innehåller binära data (NUL-tecken), inte text.',
  permission: 'Filen kan inte läsas: behörighet saknas.',
  encoding: 'Filen är inte UTF-8-text.',
  utf16: 'Filen är sparad som UTF-16, inte UTF-8.',
  read: 'Filen kunde inte läsas.',
  'not-a-file': 'Det här är ingen vanlig fil (utan t.ex. en FIFO, en enhet eller en mapp): lofte läser bara vanliga filer.',
  folder: 'Mappen kan inte läsas: behörighet saknas. Filerna i den har inte kontrollerats.',
};

const UNREADABLE_EN: Readonly<Record<string, string>> = {
  gone: 'The file disappeared while lofte read the repository.',
  binary: 'The file holds binary data (NUL characters), not text.',
  permission: 'The file cannot be read: permission denied.',
  encoding: 'The file is not UTF-8 text.',
  utf16: 'The file is saved as UTF-16, not UTF-8.',
  read: 'The file could not be read.',
  'not-a-file': 'This is not a regular file (but e.g. a FIFO, a device or a folder): lofte reads regular files only.',
  folder: 'The folder cannot be read: permission denied. Its files were not checked.',
};

/** `reason` says why (load/read.ts); `byte` is the first byte that is not UTF-8, as hex. */
type UnreadableArgs = { reason: string; byte?: string };

export const fileUnreadable = defineCode<UnreadableArgs>()({
  code: 'file-unreadable',
  severity: 'error',
  stage: 'load',
  summary: 'en fil som inte kan läsas eller inte är UTF-8',
  words: {
    sv: {
      title: 'Filen kan inte läsas',
      message: (a) =>
        a.reason === 'encoding' && a.byte !== undefined
          ? t`Filen är inte UTF-8-text: byten ${value(a.byte)} här hör inte till UTF-8.`
          : [UNREADABLE_SV[a.reason] ?? UNREADABLE_SV['read'] ?? ''],
      hint: (a) => {
        if (a.reason === 'encoding' && a.byte !== undefined) return t`Filen är troligen sparad som Latin-1 (ISO-8859-1) eller Windows-1252. Spara den som UTF-8 (i VS Code: klicka på kodningen i statusraden → Spara med kodning → UTF-8).`;
        if (a.reason === 'utf16') return t`Spara den som UTF-8 (i VS Code: klicka på kodningen i statusraden → Spara med kodning → UTF-8; i Anteckningar: Spara som → Kodning: UTF-8).`;
        if (a.reason === 'permission') return t`Ge din användare läsrätt till filen (t.ex. ${code('chmod u+r')}).`;
        if (a.reason === 'folder') return t`Ge din användare rätt att läsa och öppna mappen (t.ex. ${code('chmod u+rx')}).`;
        if (a.reason === 'gone') return t`Kör lofte igen när filerna har slutat ändras.`;
        if (a.reason === 'binary') return t`lofte läser bara text: flytta filen ur förrådet eller ge den en annan filändelse än .yaml, .yml eller .md.`;
        if (a.reason === 'not-a-file') return undefined;
        return t`Spara filen som UTF-8 och kontrollera att den går att öppna.`;
      },
    },
    en: {
      title: 'File cannot be read',
      message: (a) =>
        a.reason === 'encoding' && a.byte !== undefined
          ? t`The file is not UTF-8 text: byte ${value(a.byte)} here is not UTF-8.`
          : [UNREADABLE_EN[a.reason] ?? UNREADABLE_EN['read'] ?? ''],
      hint: (a) => {
        if (a.reason === 'encoding' && a.byte !== undefined) return t`It was probably saved as Latin-1 (ISO-8859-1) or Windows-1252. Save it as UTF-8.`;
        if (a.reason === 'utf16') return t`Save it as UTF-8.`;
        if (a.reason === 'permission') return t`Give your user read permission on the file (e.g. ${code('chmod u+r')}).`;
        if (a.reason === 'folder') return t`Give your user permission to read and open the folder (e.g. ${code('chmod u+rx')}).`;
        if (a.reason === 'gone') return t`Run lofte again once the files have stopped changing.`;
        if (a.reason === 'binary') return t`lofte reads text only: move the file out of the repository or give it another extension than .yaml, .yml or .md.`;
        if (a.reason === 'not-a-file') return undefined;
        return t`Save it as UTF-8 and check that it can be opened.`;
      },
    },
  },
  samples: [{ reason: 'encoding', byte: '0xE5' }, ...Object.keys(UNREADABLE_SV).map((reason) => ({ reason })), { reason: 'something-new' }],
});

/** A size in MB the way each language writes decimals. */
const mbSv = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1).replace('.', ',');
const mbEn = (bytes: number): string => (bytes / 1048576).toFixed(1);

export const fileTooLarge = defineCode<{ size: number; max: number }>()({
  code: 'file-too-large',
  severity: 'error',
  stage: 'load',
  summary: 'en fil större än gränsen (standard 2 MB); den läses inte',
  words: {
    sv: {
      title: 'Filen är för stor',
      message: (a) => t`Filen är ${value(mbSv(a.size))} MB; lofte läser filer på högst ${value(mbSv(a.max))} MB.`,
      hint: () => t`Dela upp den i flera filer, eller höj gränsen med ${code('granser: { filstorlek_kb: … }')} i lofte.config.yaml om den verkligen ska vara så stor.`,
    },
    en: {
      title: 'File too large',
      message: (a) => t`The file is ${value(mbEn(a.size))} MB; lofte reads files of at most ${value(mbEn(a.max))} MB.`,
      hint: () => t`Split it, or raise ${code('granser: { filstorlek_kb: … }')} in lofte.config.yaml.`,
    },
  },
  samples: [{ size: 3 * 1024 * 1024, max: 2 * 1024 * 1024 }],
});

/** `findings`: more findings in one file than lofte shows; `alias`, `depth`: a document too costly to read. */
type LimitArgs = { limit: 'findings'; max: number; more: number } | { limit: 'alias' | 'depth'; max: number };

export const limitExceeded = defineCode<LimitArgs>()({
  code: 'limit-exceeded',
  severity: 'error',
  stage: 'load',
  summary: 'för många YAML-alias (alias-bomb) eller för djup nästling',
  words: {
    sv: {
      title: 'Gräns överskriden',
      message: (a) =>
        a.limit === 'findings'
          ? t`Ytterligare ${value(a.more)} fynd i filen visas inte: lofte visar högst ${value(a.max)} fynd per fil.`
          : a.limit === 'alias'
            ? t`Dokumentet återanvänder YAML-ankare fler än ${value(a.max)} gånger.`
            : t`Dokumentet är nästlat djupare än ${value(a.max)} nivåer.`,
      hint: (a) =>
        a.limit === 'findings'
          ? t`Rätta de fynd som visas och kör igen; ofta har många fynd samma orsak.`
          : a.limit === 'alias'
            ? t`Skriv ut värdena i stället för att upprepa alias; så många alias ser ut som en alias-bomb. Gränsen är ${code('granser: { alias: … }')}.`
            : t`lofte-dokument behöver bara några nivåer. Gränsen är ${code('granser: { djup: … }')}.`,
    },
    en: {
      title: 'Limit exceeded',
      message: (a) =>
        a.limit === 'findings'
          ? t`${value(a.more)} more findings in this file are not shown: lofte shows at most ${value(a.max)} per file.`
          : a.limit === 'alias'
            ? t`The document expands YAML aliases more than ${value(a.max)} times.`
            : t`The document nests deeper than ${value(a.max)} levels.`,
      hint: (a) => (a.limit === 'findings' ? t`Fix the findings shown and run again; many findings often share one cause.` : undefined),
    },
  },
  samples: [
    { limit: 'findings', max: 200, more: 17 },
    { limit: 'alias', max: 100 },
    { limit: 'depth', max: 64 },
  ],
});
