// schema and config: a document (or lofte.config.yaml) that does not follow its JSON Schema.

import { defineCode, type Where, type Words } from '../define.js';
import { code, t, value, type Message } from '../parts.js';
import { formatPath } from '../types.js';
import { didYouMeanEn, sentences } from './words.js';

/** What schema/errors.ts makes of one ajv error; `problem` says which of the fields are set. */
export type SchemaArgs = {
  problem: string;
  field?: string;
  parent?: string;
  description?: string;
  expected?: string | readonly string[];
  actual?: string;
  value?: string;
  allowed?: readonly string[];
  suggestion?: string;
  format?: string;
  limit?: number;
  exclusive?: boolean;
  keyword?: string;
  apiPrefix?: string;
};

const DEFINITE: Readonly<Record<string, string>> = {
  Löfte: 'Löftet',
  Källa: 'Källan',
  Aktör: 'Aktören',
  Problembild: 'Problembilden',
  Medborgarlöfte: 'Medborgarlöftet',
  Uppföljning: 'Uppföljningen',
  Resultat: 'Resultatet',
  Period: 'Perioden',
  Omfattning: 'Omfattningen',
  Frekvens: 'Frekvensen',
  Undertecknare: 'Underskriften',
  'Förväntad effekt': 'Den förväntade effekten',
  Kontakt: 'Kontakten',
  Utfall: 'Utfallet',
  Giltighet: 'Giltigheten',
  Publicering: 'Publiceringen',
};

const TYPES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'ett tal',
  integer: 'ett heltal',
  boolean: 'true eller false',
  array: 'en lista',
  object: 'en karta (nyckel: värde)',
  null: 'tomt',
};

const listOf = (v: string | readonly string[] | undefined): readonly string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : v);
const words = (text: string | undefined): Message | undefined => (text === undefined ? undefined : [text]);
const typeSv = (name: string): string => TYPES[name] ?? name;

/**
 * The field as a reader finds it: an item of a list by its whole path (`loften[2]`), a key by its
 * name, the document itself by its path.
 */
function fieldName(a: SchemaArgs, at: Where): string {
  const last = at.path[at.path.length - 1];
  return typeof last === 'number' ? formatPath(at.path) : a.field || formatPath(at.path);
}

/**
 * A number as it was probably written: YAML drops a kommunkod's leading zero (0114 → 114), and
 * SCB's codes have four digits, so the quoted fix is "0114", not "114".
 */
function asWritten(a: SchemaArgs): string {
  const v = a.value ?? '';
  return a.field === 'kommunkod' && /^\d{1,3}$/.test(v) ? v.padStart(4, '0') : v;
}

/** YAML reads an unquoted 1860 or 0114 as a number; the fix is quoting, not another value. */
const readAsNumber = (a: SchemaArgs): boolean => listOf(a.expected).includes('string') && (a.actual === 'integer' || a.actual === 'number');

function sv(a: SchemaArgs, at: Where): { message: Message; hint?: Message | undefined } {
  const field = code(fieldName(a, at));
  const parent = a.parent ?? '';
  const description = words(a.description);
  const v = code(a.value ?? '');
  switch (a.problem) {
    case 'required': {
      if (a.field === 'kind') return { message: t`Dokumentet saknar ${code('kind')}.`, hint: t`Ange vilken sorts dokument det är: ${listOf(a.allowed).join(', ')}.` };
      const who = at.path.length === 0 ? 'Dokumentet' : (DEFINITE[parent] ?? (parent || 'Dokumentet'));
      return { message: t`${who} saknar fältet ${code(a.field ?? '')}.`, hint: description };
    }
    case 'additional':
      return {
        message: t`Okänt fält ${field}${parent ? ` i ${parent.toLowerCase()}` : ''}.`,
        hint: a.suggestion
          ? t`Menade du ${code(a.suggestion)}?`
          : at.rule === 'config'
            ? t`Ta bort fältet; lofte.config.yaml kan innehålla sprak, regler, ignorera, granser och webbplats.`
            : t`Ta bort fältet, eller lägg det under ${code('intern:')} om det är en intern anteckning.`,
      };
    case 'type':
      return {
        message: t`${field} ska vara ${listOf(a.expected).map(typeSv).join(' eller ')}, men är ${typeSv(a.actual ?? '')}.`,
        hint: sentences(readAsNumber(a) ? t`YAML läser ${v} som ett tal: skriv det inom citattecken, "${value(asWritten(a))}".` : undefined, description),
      };
    case 'enum':
      return {
        message: t`${v} är inte ett tillåtet värde för ${field}.`,
        hint: sentences(a.suggestion ? t`Menade du ${code(a.suggestion)}?` : undefined, t`Tillåtna värden: ${listOf(a.allowed).join(', ')}.`),
      };
    case 'const':
      return { message: t`${field} ska vara ${code(listOf(a.expected).join(', '))}, inte ${v}.`, hint: description };
    case 'format': {
      const what = a.format === 'date' ? 'inget giltigt datum' : a.format === 'email' ? 'ingen giltig e-postadress' : 'ingen giltig webbadress';
      const hint = a.format === 'date' ? t`Skriv datum som ÅÅÅÅ-MM-DD och kontrollera att dagen finns, t.ex. 2025-01-15.` : description;
      return { message: t`${v} i ${field} är ${what}.`, hint };
    }
    case 'date-range':
      return { message: t`${v} i ${field} ligger utanför 1900–2200.`, hint: t`Kontrollera årtalet: lofte tar datum från 1900-01-01 till 2200-12-31.` };
    case 'reserved-id':
      return {
        message: t`Id ${v} är ett namn som Windows reserverar för enheter, så sidan kan inte sparas som fil där.`,
        hint: t`Välj ett längre id, t.ex. med kommunens namn: ${code('laxa-con')} i stället för ${code('con')}.`,
      };
    case 'id-pattern':
      return {
        message: t`Id ${v} har fel form.`,
        hint: t`Ett id skrivs i kebab-case: små bokstäver a–z (utan å, ä, ö), siffror och bindestreck, t.ex. ${code('laxa-2026-2027')}.`,
      };
    case 'pattern':
      return { message: t`${v} har fel form för ${field}.`, hint: description };
    case 'min-items':
      return { message: t`${field} måste innehålla minst ${value(a.limit ?? 1)}.`, hint: description };
    case 'empty':
      return { message: t`${field} får inte vara tomt.`, hint: description };
    case 'max-length':
      return { message: t`${field} är för långt (högst ${value(a.limit ?? 0)} tecken).`, hint: description };
    case 'minimum':
      return { message: t`${field} måste vara ${a.exclusive ? 'större än' : 'minst'} ${value(a.limit ?? 0)}, men är ${value(a.value ?? '')}.`, hint: description };
    case 'unique':
      return { message: t`${v} står flera gånger i listan.`, hint: t`Ta bort dubbletten.` };
    case 'merge-key':
      return { message: t`lofte stöder inte sammanslagningsnycklar (${code('<<')}).`, hint: t`Skriv ut fälten i varje dokument; då blir filen lätt att läsa och varje fel får rätt rad.` };
    case 'not-object':
      return {
        message: t`Dokumentet ska vara en karta med fält (${code('nyckel: värde')}), men är ${typeSv(a.actual ?? '')}.`,
        hint: t`Ett lofte-dokument börjar med ${code('apiVersion:')}, ${code('kind:')} och ${code('id:')} på egna rader.`,
      };
    case 'unknown-kind':
      return {
        message: t`Okänd sort ${code(`kind: ${a.value ?? ''}`)}.`,
        hint: sentences(a.suggestion ? t`Menade du ${code(a.suggestion)}?` : undefined, t`lofte känner till ${listOf(a.allowed).join(', ')}.`),
      };
    default:
      return { message: t`${field} följer inte schemat (${value(a.keyword ?? '')}).`, hint: description };
  }
}

function en(a: SchemaArgs, at: Where): { message: Message; hint?: Message | undefined } {
  const field = code(fieldName(a, at));
  const where = at.path.length > 0 ? t` in ${code(formatPath(at.path))}` : t``;
  const v = code(a.value ?? '');
  switch (a.problem) {
    case 'required':
      return {
        message: t`Missing field ${code(a.field ?? '')}${where}.`,
        hint: a.field === 'kind' ? t`One of: ${listOf(a.allowed).join(', ')}.` : t`Add the field; the schema describes it.`,
      };
    case 'additional':
      return { message: t`Unknown field ${field}.`, hint: a.suggestion ? t`Did you mean ${code(a.suggestion)}?` : t`Remove it, or move it under ${code('intern:')} if it is an internal note.` };
    case 'type':
      return {
        message: t`${field} must be ${listOf(a.expected).join(' or ')}, but is ${a.actual ?? ''}.`,
        hint: readAsNumber(a) ? t`YAML reads it as a number: put it in quotes, "${value(asWritten(a))}".` : undefined,
      };
    case 'enum':
      return { message: t`${v} is not an allowed value for ${field}.`, hint: sentences(didYouMeanEn(a.suggestion ? [a.suggestion] : undefined), t`Allowed: ${listOf(a.allowed).join(', ')}.`) };
    case 'const':
      return { message: t`${field} must be ${code(listOf(a.expected).join(', '))}, not ${v}.` };
    case 'format':
      return { message: t`${v} in ${field} is not a valid ${a.format ?? 'value'}.`, hint: a.format === 'date' ? t`Write dates as YYYY-MM-DD and check that the day exists.` : undefined };
    case 'date-range':
      return { message: t`${v} in ${field} is outside 1900–2200.`, hint: t`Check the year: lofte takes dates from 1900-01-01 to 2200-12-31.` };
    case 'reserved-id':
      return {
        message: t`Id ${v} is a device name reserved by Windows, so its page cannot be saved as a file there.`,
        hint: t`Choose a longer id, e.g. with the municipality: ${code('laxa-con')} instead of ${code('con')}.`,
      };
    case 'id-pattern':
      return { message: t`Id ${v} is malformed.`, hint: t`Ids are kebab-case: lowercase a–z, digits and hyphens, e.g. ${code('laxa-2026-2027')}.` };
    case 'pattern':
      return { message: t`${v} has the wrong form for ${field}.` };
    case 'min-items':
      return { message: t`${field} needs at least ${value(a.limit ?? 1)} item(s).` };
    case 'empty':
      return { message: t`${field} must not be empty.` };
    case 'max-length':
      return { message: t`${field} is too long (at most ${value(a.limit ?? 0)} characters).` };
    case 'minimum':
      return { message: t`${field} must be ${a.exclusive ? 'greater than' : 'at least'} ${value(a.limit ?? 0)}, but is ${value(a.value ?? '')}.` };
    case 'unique':
      return { message: t`${v} appears more than once in the list.`, hint: t`Remove the duplicate.` };
    case 'merge-key':
      return { message: t`lofte does not support merge keys (${code('<<')}).`, hint: t`Write the fields out in each document.` };
    case 'not-object':
      return { message: t`The document must be a mapping of fields, but is ${a.actual ?? ''}.` };
    case 'unknown-kind':
      return { message: t`Unknown kind ${v}.`, hint: sentences(didYouMeanEn(a.suggestion ? [a.suggestion] : undefined), t`Known kinds: ${listOf(a.allowed).join(', ')}.`) };
    default:
      return { message: t`${field} does not match the schema (${value(a.keyword ?? '')}).` };
  }
}

const worded = (title: string, say: typeof sv): Words<SchemaArgs> => ({ title, message: (a, at) => say(a, at).message, hint: (a, at) => say(a, at).hint });

/** One per way the words branch: the catalog test renders each in both languages. */
const SAMPLES: readonly SchemaArgs[] = [
  { problem: 'required', field: 'kind', allowed: ['Aktor', 'Problembild'] },
  { problem: 'required', field: 'ansvarig', parent: 'Löfte', description: 'Vem som håller löftet.' },
  { problem: 'additional', field: 'ansvarg', parent: 'Löfte', suggestion: 'ansvarig' },
  { problem: 'additional', field: 'extra', parent: 'Löfte' },
  { problem: 'type', field: 'kommunkod', parent: 'Aktör', expected: ['string'], actual: 'integer', value: '114' },
  { problem: 'type', field: 'text', parent: 'Löfte', expected: ['string', 'null'], actual: 'array', value: '[]' },
  { problem: 'enum', field: 'status', parent: 'Resultat', value: 'klar', allowed: ['genomfort', 'ej_genomfort'], suggestion: 'genomfort' },
  { problem: 'const', field: 'apiVersion', parent: '', value: 'lofte/v2', expected: 'lofte/v1' },
  { problem: 'format', field: 'datum', parent: 'Uppföljning', format: 'date', value: '2025-02-30' },
  { problem: 'format', field: 'epost', parent: 'Kontakt', format: 'email', value: 'polisen', description: 'En funktionsadress.' },
  { problem: 'date-range', field: 'from', parent: 'Period', value: '1066-10-14' },
  { problem: 'reserved-id', field: 'id', parent: 'Aktör', value: 'con' },
  { problem: 'id-pattern', field: 'id', parent: 'Aktör', value: 'Laxå' },
  { problem: 'pattern', field: 'kommunkod', parent: 'Aktör', value: '01x4' },
  { problem: 'min-items', field: 'loften', parent: 'Medborgarlöfte', limit: 1 },
  { problem: 'empty', field: 'text', parent: 'Löfte' },
  { problem: 'max-length', field: 'titel', parent: 'Medborgarlöfte', limit: 200 },
  { problem: 'minimum', field: 'antal', parent: 'Frekvens', limit: 0, value: '0', exclusive: true },
  { problem: 'unique', field: 'ansvarig', parent: 'Löfte', value: 'polisen' },
  { problem: 'merge-key' },
  { problem: 'not-object', actual: 'array' },
  { problem: 'unknown-kind', field: 'kind', value: 'Lofte', allowed: ['Aktor', 'Medborgarlofte'], suggestion: 'Aktor' },
  { problem: 'other', field: 'x', parent: '', keyword: 'dependentRequired' },
];

export const schema = defineCode<SchemaArgs>()({
  code: 'schema',
  severity: 'error',
  stage: 'schema',
  summary: 'saknade, okända (med förslag) eller felaktiga fält, omöjliga datum',
  words: { sv: worded('Följer inte schemat', sv), en: worded('Does not match the schema', en) },
  samples: SAMPLES,
});

export const config = defineCode<SchemaArgs>()({
  code: 'config',
  severity: 'error',
  stage: 'load',
  summary: 'fel i `lofte.config.yaml` (kommandot körs inte, slutkod 2)',
  words: { sv: worded('Fel i konfigurationen', sv), en: worded('Configuration error', en) },
  samples: SAMPLES,
});
