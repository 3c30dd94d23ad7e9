// yaml-syntax: YAML that cannot be read, duplicate keys, broken front matter.

import { defineCode } from '../define.js';
import { code, t, type Message } from '../parts.js';

/** `code` is the yaml library's error code or lofte's own (front matter, %YAML); `detail` the words at fault. */
type Args = { code: string; detail: string };

type Said = { message: Message; hint?: Message | undefined };

function sv(a: Args): Said {
  switch (a.code) {
    case 'DUPLICATE_KEY':
      return { message: t`Nyckeln ${code(a.detail)} står två gånger.`, hint: t`En nyckel får bara finnas en gång på samma nivå. Ta bort eller slå ihop dubbletten.` };
    case 'MISSING_CHAR':
      return { message: t`Något stängs inte: ett citattecken, en hakparentes ${code(']')} eller en klammerparentes ${code('}')} saknas.`, hint: t`Stäng citattecknet eller parentesen på samma rad som den öppnas.` };
    case 'BAD_INDENT':
      return { message: t`Fel indrag.`, hint: t`Nycklar på samma nivå ska börja i samma kolumn; använd mellanslag, inte tabb.` };
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { message: t`En nyckel fortsätter över flera rader.`, hint: t`Saknas ett kolon efter nyckeln, eller ett citattecken som stänger texten på raden ovanför?` };
    case 'TAB_AS_INDENT':
      return { message: t`Tabb används som indrag.`, hint: t`YAML kräver mellanslag för indrag. Byt tabbar mot mellanslag.` };
    case 'TAG_RESOLVE_FAILED':
      return { message: t`Okänd YAML-tagg ${code(a.detail)}.`, hint: t`lofte läser bara vanlig YAML: ta bort taggen (till exempel ${code('!include')} eller ${code('!!js/function')}).` };
    case 'BAD_ALIAS':
      return { message: t`Aliaset ${code(a.detail)} pekar inte på något ankare.`, hint: t`Ett alias (${code('*namn')}) måste ha ett ankare (${code('&namn')}) tidigare i samma dokument.` };
    case 'ALIAS_COUNT':
      return { message: t`Dokumentet återanvänder YAML-ankare för många gånger.`, hint: t`Skriv ut värdena i stället för att upprepa alias; så många alias ser ut som en alias-bomb.` };
    case 'COLON_IN_VALUE':
      return { message: t`Ett kolon mitt i ett värde läses som en ny nyckel.`, hint: t`Sätt texten inom citattecken, t.ex. ${code('plats: "Stadsparken: södra delen"')}.` };
    case 'UNTERMINATED_FRONT_MATTER':
      return { message: t`Front matter saknar avslutande ${code('---')}.`, hint: t`Avsluta YAML-blocket överst i filen med en rad som bara innehåller ${code('---')}.` };
    case 'MULTIPLE_FRONT_MATTER_DOCUMENTS':
      return { message: t`Front matter får bara innehålla ett dokument.`, hint: t`Lägg varje dokument i en egen fil, eller i en .yaml-fil med ${code('---')} mellan dokumenten.` };
    case 'BODY_AND_BESKRIVNING':
      return { message: t`${code('beskrivning')} anges både i front matter och som brödtext.`, hint: t`I en .md-fil är brödtexten beskrivningen: ta bort ${code('beskrivning')} ur front matter.` };
    case 'BAD_FRONT_MATTER_OPEN':
      return {
        message: t`Filen ser ut som ett lofte-dokument, men front matter börjar inte med en rad ${code('---')}${a.detail ? t` (första raden är ${code(a.detail)})` : t``}.`,
        hint: t`Första raden i filen ska bara innehålla ${code('---')}, och front matter avslutas med en likadan rad.`,
      };
    case 'BAD_FRONT_MATTER_CLOSE':
      return {
        message: t`Front matter avslutas av en rad som börjar med ${code('---')} men har mer text (${code(a.detail)}).`,
        hint: t`Raden som avslutar front matter ska bara innehålla ${code('---')}. Står raden inne i en text med citattecken: dra in den med mellanslag.`,
      };
    case 'YAML_VERSION':
      return {
        message: t`lofte läser YAML 1.2, men filen begär ${code(a.detail)}.`,
        hint: t`Ta bort raden ${code('%YAML …')}. YAML 1.1 tolkar t.ex. ${code('no')} som falskt och ${code('<<')} som sammanslagning, vilket lofte inte gör.`,
      };
    default:
      return {
        message: t`YAML-syntaxfel: filen kan inte läsas här${a.detail ? t` (vid ${code(a.detail)})` : t``}.`,
        hint: t`Kontrollera indraget (mellanslag, inte tabb), att varje nyckel följs av kolon och mellanslag, och att citattecken och listor stängs.`,
      };
  }
}

function en(a: Args): Said {
  switch (a.code) {
    case 'DUPLICATE_KEY':
      return { message: t`Key ${code(a.detail)} appears twice.`, hint: t`A key may appear only once in the same mapping.` };
    case 'MISSING_CHAR':
      return { message: t`Something is not closed: a quote, ${code(']')} or ${code('}')} is missing.` };
    case 'BAD_INDENT':
      return { message: t`Bad indentation.`, hint: t`Keys on the same level start in the same column; use spaces, not tabs.` };
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { message: t`A key runs over several lines.`, hint: t`Is a colon after the key missing, or a closing quote on the line above?` };
    case 'TAB_AS_INDENT':
      return { message: t`A tab is used for indentation.`, hint: t`YAML needs spaces for indentation.` };
    case 'TAG_RESOLVE_FAILED':
      return { message: t`Unknown YAML tag ${code(a.detail)}.`, hint: t`lofte reads plain YAML only: remove the tag.` };
    case 'BAD_ALIAS':
      return { message: t`Alias ${code(a.detail)} has no anchor.`, hint: t`An alias (${code('*name')}) needs an anchor (${code('&name')}) earlier in the same document.` };
    case 'ALIAS_COUNT':
      return { message: t`The document reuses YAML anchors too many times.`, hint: t`Write the values out; this many aliases looks like an alias bomb.` };
    case 'COLON_IN_VALUE':
      return { message: t`A colon inside a value is read as a new key.`, hint: t`Put the text in quotes, e.g. ${code('plats: "Stadsparken: södra delen"')}.` };
    case 'UNTERMINATED_FRONT_MATTER':
      return { message: t`Front matter has no closing ${code('---')}.`, hint: t`End the YAML block at the top of the file with a line holding only ${code('---')}.` };
    case 'MULTIPLE_FRONT_MATTER_DOCUMENTS':
      return { message: t`Front matter may hold only one document.` };
    case 'BODY_AND_BESKRIVNING':
      return { message: t`${code('beskrivning')} is given both in front matter and as the body.`, hint: t`In a .md file the body is the description: remove ${code('beskrivning')} from the front matter.` };
    case 'BAD_FRONT_MATTER_OPEN':
      return {
        message: t`The file looks like a lofte document, but its front matter does not start with a ${code('---')} line${a.detail ? t` (the first line is ${code(a.detail)})` : t``}.`,
        hint: t`The first line must hold only ${code('---')}, and a line like it ends the front matter.`,
      };
    case 'BAD_FRONT_MATTER_CLOSE':
      return {
        message: t`Front matter is ended by a line that starts with ${code('---')} but holds more text (${code(a.detail)}).`,
        hint: t`The line that ends front matter holds only ${code('---')}. If the line is inside a quoted text, indent it.`,
      };
    case 'YAML_VERSION':
      return {
        message: t`lofte reads YAML 1.2, but the file asks for ${code(a.detail)}.`,
        hint: t`Remove the ${code('%YAML …')} line. YAML 1.1 reads e.g. ${code('no')} as false and ${code('<<')} as a merge, which lofte does not.`,
      };
    default:
      return {
        message: t`YAML syntax error${a.detail ? t` at ${code(a.detail)}` : t``}.`,
        hint: t`Check indentation (spaces, not tabs), a colon and space after each key, and closed quotes and lists.`,
      };
  }
}

export const yamlSyntax = defineCode<Args>()({
  code: 'yaml-syntax',
  severity: 'error',
  stage: 'load',
  summary: 'YAML som inte går att läsa, dubblerade nycklar, trasig front matter',
  words: {
    sv: { title: 'YAML-syntaxfel', message: (a) => sv(a).message, hint: (a) => sv(a).hint },
    en: { title: 'YAML syntax error', message: (a) => en(a).message, hint: (a) => en(a).hint },
  },
  samples: [
    ...(
      [
        'DUPLICATE_KEY',
        'MISSING_CHAR',
        'BAD_INDENT',
        'MULTILINE_IMPLICIT_KEY',
        'TAB_AS_INDENT',
        'TAG_RESOLVE_FAILED',
        'BAD_ALIAS',
        'ALIAS_COUNT',
        'COLON_IN_VALUE',
        'BAD_FRONT_MATTER_CLOSE',
        'YAML_VERSION',
      ] as const
    ).map((c) => ({ code: c, detail: c === 'YAML_VERSION' ? '%YAML 1.1' : 'plats' })),
    { code: 'UNTERMINATED_FRONT_MATTER', detail: '' },
    { code: 'MULTIPLE_FRONT_MATTER_DOCUMENTS', detail: '' },
    { code: 'BODY_AND_BESKRIVNING', detail: '' },
    { code: 'BAD_FRONT_MATTER_OPEN', detail: 'apiVersion: lofte/v1' },
    { code: 'BAD_FRONT_MATTER_OPEN', detail: '' },
    { code: 'UNEXPECTED_TOKEN', detail: ']' },
    { code: 'UNEXPECTED_TOKEN', detail: '' },
  ],
});
