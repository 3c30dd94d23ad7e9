// Swedish wording, the default: plain language for civil servants, with a hint that shows the fix.

import { formatPath } from '../types.js';
import type { Args, Diagnostic } from '../types.js';
import { code, list, str, type Language, type Wording } from './types.js';

const DEFINITE: Record<string, string> = {
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

const TYPES: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  integer: 'ett heltal',
  boolean: 'true eller false',
  array: 'en lista',
  object: 'en karta (nyckel: värde)',
  null: 'tomt',
};

function kindWord(kind: Args[string], typ: Args[string]): string {
  if (typ === 'kommun') return 'en kommun (Aktor med typ kommun)';
  if (typ === 'lokalpolisomrade') return 'ett lokalpolisområde (Aktor med typ lokalpolisomrade)';
  switch (kind) {
    case 'Aktor':
      return typ ? `en aktör med typ ${str(typ)}` : 'en aktör';
    case 'Problembild':
      return 'en problembild';
    case 'Medborgarlofte':
      return 'ett medborgarlöfte';
    case 'Uppfoljning':
      return 'en uppföljning';
    default:
      return `ett dokument av sorten ${str(kind)}`;
  }
}

const didYouMean = (names: string[]): string | undefined =>
  names.length === 0 ? undefined : `Menade du ${names.map((n) => code(n)).join(' eller ')}?`;

const join = (...parts: (string | undefined)[]): string | undefined => {
  const kept = parts.filter((p): p is string => p !== undefined && p !== '');
  return kept.length > 0 ? kept.join(' ') : undefined;
};

function fieldName(a: Args, d: Diagnostic): string {
  const last = d.path[d.path.length - 1];
  return typeof last === 'number' ? formatPath(d.path) : str(a['field']) || formatPath(d.path);
}

function schemaWording(a: Args, d: Diagnostic): Wording {
  const field = code(fieldName(a, d));
  const parent = str(a['parent']);
  const description = a['description'] === undefined ? undefined : str(a['description']);
  switch (a['problem']) {
    case 'required': {
      const who = DEFINITE[parent] ?? (parent ? `${parent}` : 'Dokumentet');
      if (a['field'] === 'kind') return { message: 'Dokumentet saknar `kind`.', hint: `Ange vilken sorts dokument det är: ${list(a['allowed']).join(', ')}.` };
      return { message: `${d.path.length === 0 ? 'Dokumentet' : who} saknar fältet ${code(a['field'])}.`, hint: description };
    }
    case 'additional':
      return {
        message: `Okänt fält ${field}${parent ? ` i ${parent.toLowerCase()}` : ''}.`,
        hint: a['suggestion']
          ? `Menade du ${code(a['suggestion'])}?`
          : d.rule === 'config'
            ? 'Ta bort fältet; lofte.config.yaml kan innehålla sprak, regler, ignorera, granser och webbplats.'
            : 'Ta bort fältet, eller lägg det under `intern:` om det är en intern anteckning.',
      };
    case 'type': {
      // YAML reads an unquoted 1860 or 0114 as a number; the fix is quoting, not another value.
      const quote = list(a['expected']).includes('string') && (a['actual'] === 'integer' || a['actual'] === 'number');
      return {
        message: `${field} ska vara ${list(a['expected']).map((t) => TYPES[t] ?? t).join(' eller ')}, men är ${TYPES[str(a['actual'])] ?? str(a['actual'])}.`,
        hint: join(quote ? `YAML läser ${code(a['value'])} som ett tal: skriv det inom citattecken, "${str(a['value'])}".` : undefined, description),
      };
    }
    case 'enum':
      return {
        message: `${code(a['value'])} är inte ett tillåtet värde för ${field}.`,
        hint: join(a['suggestion'] ? `Menade du ${code(a['suggestion'])}?` : undefined, `Tillåtna värden: ${list(a['allowed']).join(', ')}.`),
      };
    case 'const':
      return { message: `${field} ska vara ${code(a['expected'])}, inte ${code(a['value'])}.`, hint: description };
    case 'format': {
      const what = a['format'] === 'date' ? 'inget giltigt datum' : a['format'] === 'email' ? 'ingen giltig e-postadress' : 'ingen giltig webbadress';
      const hint = a['format'] === 'date' ? 'Skriv datum som ÅÅÅÅ-MM-DD och kontrollera att dagen finns, t.ex. 2025-01-15.' : description;
      return { message: `${code(a['value'])} i ${field} är ${what}.`, hint };
    }
    case 'id-pattern':
      return {
        message: `Id ${code(a['value'])} har fel form.`,
        hint: 'Ett id skrivs i kebab-case: små bokstäver a–z (utan å, ä, ö), siffror och bindestreck, t.ex. `laxa-2026-2027`.',
      };
    case 'pattern':
      return { message: `${code(a['value'])} har fel form för ${field}.`, hint: description };
    case 'min-items':
      return { message: `${field} måste innehålla minst ${str(a['limit'])}.`, hint: description };
    case 'empty':
      return { message: `${field} får inte vara tomt.`, hint: description };
    case 'max-length':
      return { message: `${field} är för långt (högst ${str(a['limit'])} tecken).`, hint: description };
    case 'minimum':
      return { message: `${field} måste vara ${a['exclusive'] ? 'större än' : 'minst'} ${str(a['limit'])}, men är ${str(a['value'])}.`, hint: description };
    case 'unique':
      return { message: `${code(a['value'])} står flera gånger i listan.`, hint: 'Ta bort dubbletten.' };
    case 'merge-key':
      return { message: 'lofte stöder inte sammanslagningsnycklar (`<<`).', hint: 'Skriv ut fälten i varje dokument; då blir filen lätt att läsa och varje fel får rätt rad.' };
    case 'not-object':
      return { message: `Dokumentet ska vara en karta med fält (\`nyckel: värde\`), men är ${TYPES[str(a['actual'])] ?? str(a['actual'])}.`, hint: 'Ett lofte-dokument börjar med `apiVersion:`, `kind:` och `id:` på egna rader.' };
    case 'unknown-kind':
      return {
        message: `Okänd sort ${code(`kind: ${str(a['value'])}`)}.`,
        hint: join(a['suggestion'] ? `Menade du ${code(a['suggestion'])}?` : undefined, `lofte känner till ${list(a['allowed']).join(', ')}.`),
      };
    default:
      return { message: `${field} följer inte schemat (${str(a['keyword'])}).`, hint: description };
  }
}

const mb = (bytes: Args[string]): string => (Number(bytes) / 1024 / 1024).toFixed(1).replace('.', ',');

const YAML_GENERIC: Wording = {
  message: 'YAML-syntaxfel: filen kan inte läsas här.',
  hint: 'Kontrollera indraget (mellanslag, inte tabb), att varje nyckel följs av kolon och mellanslag, och att citattecken och listor stängs.',
};

function yamlWording(a: Args): Wording {
  switch (a['code']) {
    case 'DUPLICATE_KEY':
      return { message: `Nyckeln ${code(a['detail'])} står två gånger.`, hint: 'En nyckel får bara finnas en gång på samma nivå. Ta bort eller slå ihop dubbletten.' };
    case 'MISSING_CHAR':
      return { message: 'Något stängs inte: ett citattecken, en hakparentes `]` eller en klammerparentes `}` saknas.', hint: 'Stäng citattecknet eller parentesen på samma rad som den öppnas.' };
    case 'BAD_INDENT':
      return { message: 'Fel indrag.', hint: 'Nycklar på samma nivå ska börja i samma kolumn; använd mellanslag, inte tabb.' };
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { message: 'En nyckel fortsätter över flera rader.', hint: 'Saknas ett kolon efter nyckeln, eller ett citattecken som stänger texten på raden ovanför?' };
    case 'TAB_AS_INDENT':
      return { message: 'Tabb används som indrag.', hint: 'YAML kräver mellanslag för indrag. Byt tabbar mot mellanslag.' };
    case 'TAG_RESOLVE_FAILED':
      return { message: `Okänd YAML-tagg ${code(a['detail'])}.`, hint: 'lofte läser bara vanlig YAML: ta bort taggen (till exempel `!include` eller `!!js/function`).' };
    case 'BAD_ALIAS':
      return { message: `Aliaset ${code(a['detail'])} pekar inte på något ankare.`, hint: 'Ett alias (`*namn`) måste ha ett ankare (`&namn`) tidigare i samma dokument.' };
    case 'ALIAS_COUNT':
      return { message: 'Dokumentet återanvänder YAML-ankare för många gånger.', hint: 'Skriv ut värdena i stället för att upprepa alias; så många alias ser ut som en alias-bomb.' };
    case 'UNTERMINATED_FRONT_MATTER':
      return { message: 'Front matter saknar avslutande `---`.', hint: 'Avsluta YAML-blocket överst i filen med en rad som bara innehåller `---`.' };
    case 'MULTIPLE_FRONT_MATTER_DOCUMENTS':
      return { message: 'Front matter får bara innehålla ett dokument.', hint: 'Lägg varje dokument i en egen fil, eller i en .yaml-fil med `---` mellan dokumenten.' };
    case 'BODY_AND_BESKRIVNING':
      return { message: '`beskrivning` anges både i front matter och som brödtext.', hint: 'I en .md-fil är brödtexten beskrivningen: ta bort `beskrivning` ur front matter.' };
    default:
      return { ...YAML_GENERIC, message: `YAML-syntaxfel: filen kan inte läsas här${a['detail'] ? ` (vid ${code(a['detail'])})` : ''}.` };
  }
}

const UNREADABLE: Record<string, string> = {
  gone: 'Filen försvann medan lofte läste förrådet.',
  binary: 'Filen innehåller binära data (NUL-tecken), inte text.',
  permission: 'Filen kan inte läsas: behörighet saknas.',
  encoding: 'Filen är inte UTF-8-text.',
  read: 'Filen kunde inte läsas.',
};

export const sv: Language = {
  rules: {
    'yaml-syntax': { title: 'YAML-syntaxfel', say: yamlWording },
    'file-unreadable': {
      title: 'Filen kan inte läsas',
      say: (a) => ({ message: UNREADABLE[str(a['reason'])] ?? UNREADABLE['read'] ?? '', hint: 'Spara filen som UTF-8 och kontrollera att den går att öppna.' }),
    },
    config: { title: 'Fel i konfigurationen', say: schemaWording },
    schema: { title: 'Följer inte schemat', say: schemaWording },
    'file-too-large': {
      title: 'Filen är för stor',
      say: (a) => ({
        message: `Filen är ${mb(a['size'])} MB; lofte läser filer på högst ${mb(a['max'])} MB.`,
        hint: 'Dela upp den i flera filer, eller höj gränsen med `granser: { filstorlek_kb: … }` i lofte.config.yaml om den verkligen ska vara så stor.',
      }),
    },
    'limit-exceeded': {
      title: 'Gräns överskriden',
      say: (a) =>
        a['limit'] === 'alias'
          ? { message: `Dokumentet återanvänder YAML-ankare fler än ${str(a['max'])} gånger.`, hint: 'Skriv ut värdena i stället för att upprepa alias; så många alias ser ut som en alias-bomb. Gränsen är `granser: { alias: … }`.' }
          : { message: `Dokumentet är nästlat djupare än ${str(a['max'])} nivåer.`, hint: 'lofte-dokument behöver bara några nivåer. Gränsen är `granser: { djup: … }`.' },
    },
    'duplicate-id': {
      title: 'Samma id två gånger',
      say: (a) =>
        a['scope'] === 'document'
          ? { message: `Löftet ${code(a['id'])} finns två gånger i ${code(a['document'])}.`, hint: 'Löftens id måste vara unika inom dokumentet. Byt id på ett av dem.' }
          : { message: `Id ${code(a['id'])} används redan.`, hint: 'Id måste vara unika i hela förrådet. Byt id på ett av dokumenten.' },
    },
    'unresolved-reference': {
      title: 'Hänvisning till id som inte finns',
      say: (a) => ({
        message: `${code(a['id'])} finns inte: det ska vara id för ${kindWord(a['expectedKind'], a['expectedTyp'])}.`,
        hint: didYouMean(list(a['suggestions'])) ?? 'Rätta stavningen eller skapa dokumentet.',
      }),
    },
    'reference-kind': {
      title: 'Hänvisning till fel sorts dokument',
      say: (a) => ({
        message: `${code(a['id'])} är ${kindWord(a['actualKind'], a['actualTyp'])}, men här krävs ${kindWord(a['expectedKind'], a['expectedTyp'])}.`,
        hint: `Ange id för ${kindWord(a['expectedKind'], a['expectedTyp'])}.`,
      }),
    },
    'unknown-kommunkod': {
      title: 'Okänd kommunkod',
      say: (a) => ({
        message: `Kommunkoden ${code(a['value'])} finns inte bland SCB:s 290 kommunkoder.`,
        hint: a['suggestion'] ? `${str(a['suggestionName'])} har kommunkod ${code(a['suggestion'])}.` : 'Slå upp den fyrsiffriga koden i SCB:s förteckning över kommuner.',
      }),
    },
    'period-order': {
      title: 'Perioden slutar innan den börjar',
      say: (a) => ({ message: `Perioden slutar ${str(a['tom'])}, före sin början ${str(a['from'])}.`, hint: 'Byt plats på datumen: `from` är första dagen och `tom` sista dagen.' }),
    },
    'outside-validity': {
      title: 'Tidsram utanför giltigheten',
      say: (a) => ({
        message:
          a['senast'] !== undefined
            ? `Löftet ${code(a['lofte'])} ska vara genomfört senast ${str(a['senast'])}, utanför ${a['within'] === 'tidsram' ? 'löftets tidsram' : 'medborgarlöftets giltighet'} ${str(a['validFrom'])}–${str(a['validTom'])}.`
            : `Löftet ${code(a['lofte'])} gäller ${str(a['from'])}–${str(a['tom'])}, utanför medborgarlöftets giltighet ${str(a['validFrom'])}–${str(a['validTom'])}.`,
        hint: a['senast'] !== undefined ? 'Ange ett `senast`-datum inom perioden.' : 'Lägg tidsramen inom giltigheten, eller ta bort `tidsram` så gäller hela giltigheten.',
      }),
    },
    'follow-up-unknown-promise': {
      title: 'Uppföljning av okänt löfte',
      say: (a) => ({
        message: `Uppföljningen redovisar löftet ${code(a['lofte'])}, men ${code(a['document'])} har inget löfte med det id:t.`,
        hint: didYouMean(list(a['suggestions'])) ?? 'Ange id för ett av löftena i medborgarlöftet som följs upp.',
      }),
    },
    'deviation-reason': {
      title: 'Avvikelse utan orsak',
      say: (a) => ({
        message: `Löftet ${code(a['lofte'])} har status ${code(a['status'])} men ingen \`orsak\`.`,
        hint:
          a['status'] === 'kan_ej_bedomas'
            ? 'Förklara för medborgarna varför det inte går att bedöma om löftet hölls: lägg till `orsak:` i resultatet.'
            : 'Förklara för medborgarna varför löftet inte hölls fullt ut: lägg till `orsak:` i resultatet.',
      }),
    },
    'personal-data': {
      title: 'Personnummer i texten',
      say: (a) => ({
        message: `Texten innehåller ett personnummer (${str(a['masked'])}).`,
        hint: 'Personnummer får aldrig finnas i förrådet, inte ens under `intern`. Ta bort det och skriv utan personuppgifter.',
      }),
    },
    'invalid-disable': {
      title: 'Felaktig avstängningskommentar',
      say: (a) => ({
        message:
          a['problem'] === 'unknown-rule'
            ? `Kommentaren stänger av ${code(a['rule'])}, som inte är någon lofte-regel.`
            : a['problem'] === 'no-rule'
              ? 'Kommentaren `lofte-disable-next-line` säger inte vilken regel den stänger av.'
              : `Kommentaren stänger av ${code(a['rule'])} utan motivering.`,
        hint:
          a['problem'] === 'unknown-rule' && a['suggestion']
            ? `Menade du ${code(a['suggestion'])}?`
            : 'Skriv så här: `# lofte-disable-next-line vague-wording -- varför det är rätt här`.',
      }),
    },
    'vague-wording': {
      title: 'Vag formulering',
      say: (a) => ({
        message: `Löftet ${code(a['lofte'])} är vagt formulerat: ${list(a['phrases']).map((p) => `"${p}"`).join(', ')}.`,
        hint: str(a['tips']) || 'Skriv vad som ska göras, hur mycket och när.',
      }),
    },
    'conditional-promise': {
      title: 'Villkorat löfte',
      say: (a) => ({
        message: `Löftet ${code(a['lofte'])} är villkorat: ${list(a['phrases']).map((p) => `"${p}"`).join(', ')}.`,
        hint: str(a['tips']) || 'Lova det ni gör oavsett, med antal eller frekvens.',
      }),
    },
    'not-measurable': {
      title: 'Löftet går inte att mäta',
      say: (a) => ({
        message: `Löftet ${code(a['lofte'])} har varken \`omfattning\`, \`frekvens\` eller ett slutdatum, så ingen kan se om det hölls.`,
        hint: 'Lägg till t.ex. `omfattning: { antal: 20, enhet: trafikkontroller, minst: true }` eller `frekvens: { antal: 2, per: vecka }`; ett engångslöfte får `senast: ÅÅÅÅ-MM-DD`.',
      }),
    },
    'one-party': {
      title: 'Bara en part lovar',
      say: (a) => ({
        message: `${a['count'] === 1 ? 'Det enda löftet' : `Alla ${str(a['count'])} löften`} i ${code(a['document'])} ges av ${code(a['actor'])}: medborgarlöften genomförs tillsammans.`,
        hint: 'Låt kommunen eller andra lokala aktörer stå för egna löften, med egen `ansvarig`.',
      }),
    },
    'orphan-problembild': {
      title: 'Problembild utan löfte',
      say: (a) => ({
        message: `Inget löfte svarar på problembilden ${code(a['id'])}.`,
        hint: 'Ge ett löfte `problembild: ' + str(a['id']) + '`, eller ta bort problembilden om den inte längre är aktuell.',
      }),
    },
    'missing-dialogue': {
      title: 'Dialog saknas i problembilden',
      say: (a) => {
        const m = list(a['missing']);
        const what = m.map((x) => (x === 'medborgardialog' ? 'medborgarnas kunskap (medborgardialog, trygghetsmätning eller trygghetsvandring)' : 'medarbetarnas kunskap (medarbetardialog)'));
        return {
          message: `Problembilden bygger inte på ${what.join(' eller ')}.`,
          hint: `Lägg till en källa med \`typ: ${m[0] ?? 'medborgardialog'}\` i \`kallor\`.`,
        };
      },
    },
    'follow-up-missing': {
      title: 'Uppföljning saknas',
      say: (a) => ({
        message: `Löftet ${code(a['lofte'])} skulle ha följts upp för perioden ${str(a['periodFrom'])}–${str(a['periodTom'])} (kadens ${str(a['kadens'])}), men ingen uppföljning finns per ${str(a['asOf'])}.`,
        hint: 'Skriv en Uppfoljning med ett resultat för löftet, daterad efter periodens början.',
      }),
    },
    'kommun-outside-region': {
      title: 'Kommun i annan polisregion',
      say: (a) => ({
        message: `${str(a['kommun'])} hör till ${str(a['kommunRegion'])}, men ${str(a['lpo'])} hör till ${str(a['lpoRegion'])}.`,
        hint: 'Kontrollera kommunkoden och lokalpolisområdets `polisregion`.',
      }),
    },
    'contact-in-text': {
      title: 'Kontaktuppgift i fri text',
      say: (a) => ({
        message: `Texten innehåller kontaktuppgifter: ${list(a['found']).join(', ')}.`,
        hint: 'Publicerade texter lever länge: lägg funktionsadresser i aktörens `kontakt` i stället.',
      }),
    },
  },
  ui: {
    severity: { error: 'fel', warning: 'varning' },
    hint: 'Tips',
    related: { 'first-definition': 'Först definierat här', other: 'Se' },
    summary({ errors, warnings, filesWithProblems, files }) {
      const checked = `${files} ${files === 1 ? 'fil' : 'filer'} kontrollerade`;
      if (errors + warnings === 0) return `✔ Inga fel eller varningar (${checked}).`;
      const parts = [`${errors} fel`, `${warnings} ${warnings === 1 ? 'varning' : 'varningar'}`];
      return `${errors > 0 ? '✖' : '⚠'} ${parts.join(' och ')} i ${filesWithProblems} ${filesWithProblems === 1 ? 'fil' : 'filer'} (${checked}).`;
    },
    skippedHeader: 'Hoppade över (inte lofte-filer):',
    skipped: {
      'no-front-matter': 'Markdown utan front matter',
      'no-lofte-document': 'inget lofte-dokument (apiVersion lofte/… eller en lofte-kind saknas)',
      'not-lofte-yaml-error': 'YAML som inte kan läsas och inte ser ut som lofte',
    },
    usage: {
      'path-not-found': (a) => `Sökvägen "${a['path'] ?? ''}" finns inte.`,
      'unsupported-file': (a) => `"${a['path'] ?? ''}" är varken en mapp eller en .yaml-, .yml- eller .md-fil.`,
      'bad-option': (a) => a['message'] ?? 'Ogiltigt argument.',
      config: (a) => a['message'] ?? 'Konfigurationen kan inte läsas.',
    },
    internalError: (message) =>
      `lofte: internt fel (${message}). Det här är en bugg i lofte, inte i dina filer. Kör igen med --debug och rapportera utskriften.`,
    threadsIgnored: (value) => `lofte: LOFTE_THREADS="${value}" är inte ett heltal från 1 till 16, så filerna kontrolleras i en tråd.\n`,
  },
};
