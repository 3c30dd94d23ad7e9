// Swedish wording, the default: plain language for civil servants, with a hint that shows the fix.

import { formatPath } from '../types.js';
import type { Args, Diagnostic } from '../types.js';
import { cliSv } from './cli-sv.js';
import { asWritten, code, list, str, type Language, type Wording } from './types.js';

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
        hint: join(quote ? `YAML läser ${code(a['value'])} som ett tal: skriv det inom citattecken, "${asWritten(a)}".` : undefined, description),
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
    case 'date-range':
      return { message: `${code(a['value'])} i ${field} ligger utanför 1900–2200.`, hint: 'Kontrollera årtalet: lofte tar datum från 1900-01-01 till 2200-12-31.' };
    case 'reserved-id':
      return { message: `Id ${code(a['value'])} är ett namn som Windows reserverar för enheter, så sidan kan inte sparas som fil där.`, hint: 'Välj ett längre id, t.ex. med kommunens namn: `laxa-con` i stället för `con`.' };
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
    case 'COLON_IN_VALUE':
      return { message: 'Ett kolon mitt i ett värde läses som en ny nyckel.', hint: 'Sätt texten inom citattecken, t.ex. `plats: "Stadsparken: södra delen"`.' };
    case 'UNTERMINATED_FRONT_MATTER':
      return { message: 'Front matter saknar avslutande `---`.', hint: 'Avsluta YAML-blocket överst i filen med en rad som bara innehåller `---`.' };
    case 'MULTIPLE_FRONT_MATTER_DOCUMENTS':
      return { message: 'Front matter får bara innehålla ett dokument.', hint: 'Lägg varje dokument i en egen fil, eller i en .yaml-fil med `---` mellan dokumenten.' };
    case 'BODY_AND_BESKRIVNING':
      return { message: '`beskrivning` anges både i front matter och som brödtext.', hint: 'I en .md-fil är brödtexten beskrivningen: ta bort `beskrivning` ur front matter.' };
    case 'BAD_FRONT_MATTER_OPEN':
      return { message: `Filen ser ut som ett lofte-dokument, men front matter börjar inte med en rad \`---\`${a['detail'] ? ` (första raden är ${code(a['detail'])})` : ''}.`, hint: 'Första raden i filen ska bara innehålla `---`, och front matter avslutas med en likadan rad.' };
    case 'BAD_FRONT_MATTER_CLOSE':
      return { message: `Front matter avslutas av en rad som börjar med \`---\` men har mer text (${code(a['detail'])}).`, hint: 'Raden som avslutar front matter ska bara innehålla `---`. Står raden inne i en text med citattecken: dra in den med mellanslag.' };
    case 'YAML_VERSION':
      return { message: `lofte läser YAML 1.2, men filen begär ${code(a['detail'])}.`, hint: 'Ta bort raden `%YAML …`. YAML 1.1 tolkar t.ex. `no` som falskt och `<<` som sammanslagning, vilket lofte inte gör.' };
    default:
      return { ...YAML_GENERIC, message: `YAML-syntaxfel: filen kan inte läsas här${a['detail'] ? ` (vid ${code(a['detail'])})` : ''}.` };
  }
}

const UNREADABLE: Record<string, string> = {
  gone: 'Filen försvann medan lofte läste förrådet.',
  binary: 'Filen innehåller binära data (NUL-tecken), inte text.',
  permission: 'Filen kan inte läsas: behörighet saknas.',
  encoding: 'Filen är inte UTF-8-text.',
  utf16: 'Filen är sparad som UTF-16, inte UTF-8.',
  read: 'Filen kunde inte läsas.',
  'not-a-file': 'Det här är ingen vanlig fil (utan t.ex. en FIFO, en enhet eller en mapp): lofte läser bara vanliga filer.',
  folder: 'Mappen kan inte läsas: behörighet saknas. Filerna i den har inte kontrollerats.',
};

/** The file system's refusals, worded once: what the code means and what to do about it. */
const ERRNO_SV: Readonly<Record<string, readonly [string, string]>> = {
  ENOTDIR: ['en del av sökvägen är en fil, inte en mapp', 'Kontrollera sökvägen.'],
  EISDIR: ['det är en mapp, inte en fil', 'Ange ett filnamn.'],
  EACCES: ['åtkomst nekad', 'Ge din användare skrivrätt där, eller välj en annan plats.'],
  EPERM: ['åtgärden är inte tillåten', 'Ge din användare skrivrätt där, eller välj en annan plats.'],
  EROFS: ['filsystemet är skrivskyddat', 'Välj en plats på ett skrivbart filsystem.'],
  ENOSPC: ['disken är full', 'Frigör utrymme och kör igen.'],
  EDQUOT: ['diskkvoten är slut', 'Frigör utrymme och kör igen.'],
  EEXIST: ['något annat finns redan där', 'Flytta undan det eller välj en annan plats.'],
  ENOTEMPTY: ['mappen är inte tom', 'Flytta undan den eller välj en annan plats.'],
  ELOOP: ['för många symboliska länkar i rad', 'Rätta länkarna eller välj en annan plats.'],
  ENAMETOOLONG: ['namnet är för långt', 'Välj en kortare sökväg.'],
  ENOENT: ['mappen finns inte och kan inte skapas där', 'Kontrollera sökvägen, eller välj en vanlig mapp.'],
  EMFILE: ['för många öppna filer', 'Höj gränsen (ulimit -n) och kör igen.'],
  ENFILE: ['för många öppna filer i systemet', 'Vänta en stund och kör igen.'],
  EBUSY: ['filen används av ett annat program', 'Stäng det och kör igen.'],
  ETXTBSY: ['filen används av ett annat program', 'Stäng det och kör igen.'],
  EIO: ['in- eller utmatningsfel på disken', 'Kontrollera disken och kör igen.'],
  EFBIG: ['filen blir för stor för filsystemet', 'Välj en plats på ett annat filsystem.'],
  EXDEV: ['platsen ligger på ett annat filsystem', 'Välj en vanlig mapp, utan monterade mappar i sig.'],
  EINVAL: ['filsystemet tillåter inte det', 'Välj en plats på ett vanligt filsystem.'],
};
const ACTION_SV: Readonly<Record<string, string>> = {
  'create-dir': 'skapa mappen',
  write: 'skriva till',
  read: 'läsa',
  move: 'flytta till',
  remove: 'ta bort',
  lock: 'låsa',
};
const errnoSv = (code: string | undefined): readonly [string, string] => ERRNO_SV[code ?? ''] ?? [`systemfel ${code ?? ''}`, 'Kontrollera platsen och kör igen.'];
/** What became of the output, said last. */
const stateSv = (a: { state?: string }): string =>
  a.state === 'rolled-back' ? ' Den tidigare webbplatsen är återställd.' : a.state === 'journal-kept' ? '' : ' Inget ändrades.';

export const sv: Language = {
  rules: {
    'yaml-syntax': { title: 'YAML-syntaxfel', say: yamlWording },
    'file-unreadable': {
      title: 'Filen kan inte läsas',
      say: (a) =>
        a['reason'] === 'encoding' && a['byte'] !== undefined
          ? {
              message: `Filen är inte UTF-8-text: byten ${str(a['byte'])} här hör inte till UTF-8.`,
              hint: 'Filen är troligen sparad som Latin-1 (ISO-8859-1) eller Windows-1252. Spara den som UTF-8 (i VS Code: klicka på kodningen i statusraden → Spara med kodning → UTF-8).',
            }
          : a['reason'] === 'utf16'
            ? { message: UNREADABLE['utf16'] ?? '', hint: 'Spara den som UTF-8 (i VS Code: klicka på kodningen i statusraden → Spara med kodning → UTF-8; i Anteckningar: Spara som → Kodning: UTF-8).' }
            : { message: UNREADABLE[str(a['reason'])] ?? UNREADABLE['read'] ?? '', hint: 'Spara filen som UTF-8 och kontrollera att den går att öppna.' },
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
        a['limit'] === 'findings'
          ? { message: `Ytterligare ${str(a['more'])} fynd i filen visas inte: lofte visar högst ${str(a['max'])} fynd per fil.`, hint: 'Rätta de fynd som visas och kör igen; ofta har många fynd samma orsak.' }
          : a['limit'] === 'alias'
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
        hint:
          a['maybeIn'] !== undefined
            ? `${list(a['maybeIn']).map((f) => code(f)).join(', ')} kan inte läsas och kan definiera id:t: rätta ${list(a['maybeIn']).length === 1 ? 'den filen' : 'de filerna'} först.`
            : (didYouMean(list(a['suggestions'])) ?? 'Rätta stavningen eller skapa dokumentet.'),
      }),
    },
    'reference-kind': {
      title: 'Hänvisning till fel sorts dokument',
      say: (a) => ({
        message: `${code(a['id'])} är ${kindWord(a['actualKind'], a['actualTyp'])}, men här krävs ${kindWord(a['expectedKind'], a['expectedTyp'])}.`,
        hint: didYouMean(list(a['suggestions'])) ?? `Ange id för ${kindWord(a['expectedKind'], a['expectedTyp'])}.`,
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
    placeholder: {
      title: 'Platshållare från mallen',
      say: (a) => ({
        message: `Mallens platshållare står kvar: ${code(a['text'])}.`,
        hint: 'Skriv den riktiga texten i stället för TODO-raden. `lofte report` publicerar inte dokument med platshållare.',
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
      'path-not-found': (a) => `Sökvägen "${a.path}" finns inte.`,
      'unsupported-file': (a) => `"${a.path}" är varken en mapp eller en .yaml-, .yml- eller .md-fil.`,
      'nothing-matched': (a) =>
        `Inga lofte-dokument att kontrollera i ${a.paths} (tom mapp, inga .yaml-, .yml- eller .md-filer med apiVersion lofte/…, eller ett mönster som inte passar någon fil). Kör \`lofte validate --verbose\` för att se vilka filer som hoppades över.`,
      'unknown-format': (a) => `okänt format "${a.format}". Tillåtna: ${a.formats}.`,
      'format-without-file': (a) => `"${a.value}" saknar filnamn efter =.`,
      'one-stdout': () => 'bara ett format kan skrivas till standard ut; ge de andra ett filnamn, t.ex. --format sarif=lofte.sarif.',
      'unknown-kind': (a) => `okänd sort "${a.kind}". Välj ${a.kinds}.`,
      'unknown-kommun': (a) => `"${a.kommun}" är varken ett kommunnamn eller en kommunkod bland SCB:s 290 kommuner.`,
      'unknown-region': (a) => `okänd polisregion "${a.region}". Välj ${a.regions}.`,
      'unsafe-lpo': (a) => `--lpo "${a.lpo}" får bara innehålla bokstäver, siffror, mellanslag, punkt och bindestreck.`,
      'bad-id': (a) => `id "${a.id}" har fel form: skriv kebab-case med a–z, 0–9 och bindestreck.`,
    },
    warningsHidden: (count) => `lofte: ${count} ${count === 1 ? 'varning visas' : 'varningar visas'} inte (--quiet).\n`,
    warningsFailed: ({ warnings, max, strict }) =>
      strict ? `lofte: Körningen misslyckades på ${warnings} ${warnings === 1 ? 'varning' : 'varningar'} eftersom --strict är satt.\n` : `lofte: Körningen misslyckades: ${warnings} varningar är fler än --max-warnings ${max}.\n`,
    internalError: (message) =>
      `lofte: internt fel (${message}). Det här är en bugg i lofte, inte i dina filer. Kör igen med --debug och rapportera utskriften.`,
    threadsIgnored: (value) => `lofte: LOFTE_THREADS="${value}" är inte ett heltal från 1 till 16, så filerna kontrolleras i en tråd.\n`,
    cacheNotWritten: (a) => `lofte: cachen i ${a.location} kunde inte sparas (${a.code}); kontrollen gjordes ändå. Tips: ange en mapp du får skriva i med --cache-location.\n`,
    output: {
      'out-empty': (a) => `--out är tom. Ange mappen sidorna ska skrivas till, t.ex. --out webbplats.${stateSv(a)}`,
      'out-root': (a) => `--out ${a['path'] ?? ''} är filsystemets rot: där skriver lofte inte. Ange en egen mapp för webbplatsen, t.ex. --out webbplats.${stateSv(a)}`,
      'out-repo-root': (a) =>
        `--out ${a['path'] ?? ''} är förrådets rot, eller en mapp som innehåller det som kontrolleras (${a['source'] ?? ''}). Ange en egen mapp för webbplatsen, t.ex. --out webbplats, eller lägg till --allow-repo-root om sidorna verkligen ska ligga där.${stateSv(a)}`,
      'out-not-dir': (a) => `${a['path'] ?? ''} är en fil, inte en mapp. Ange en mapp, eller flytta undan filen.${stateSv(a)}`,
      'out-is-dir': (a) => `${a['path'] ?? ''} är en mapp, inte en fil. Ange ett filnamn, t.ex. ${a['path'] ?? ''}/lofte.json.${stateSv(a)}`,
      'not-ours': (a) =>
        `${a['path'] ?? ''} finns redan men skrevs inte av lofte (den står inte i ${a['manifest'] ?? '.lofte-manifest.json'}), och lofte skriver aldrig över andras filer. Flytta eller ta bort den, eller välj en annan --out.${stateSv(a)}`,
      symlink: (a) =>
        `${a['path'] ?? ''} är en symbolisk länk, och lofte skriver, flyttar eller tar aldrig bort något genom en länk. Ersätt länken med en vanlig mapp, eller välj en annan --out.${stateSv(a)}`,
      locked: (a) =>
        `En annan lofte report${a['pid'] ? ` (process ${a['pid']})` : ''} skriver redan till ${a['path'] ?? ''}. Vänta tills den är klar och kör igen; kör ingen annan lofte, ta bort låsfilen ${a['lock'] ?? ''}.${stateSv(a)}`,
      'unsafe-page': (a) =>
        `Sidan ${a['page'] ?? ''} kan inte skrivas: "${a['name'] ?? ''}" är inget säkert filnamn (bara a–z, 0–9 och enkla bindestreck, högst 200 tecken, och inget namn som Windows reserverar: con, prn, aux, nul, com1–9, lpt1–9). Ändra id:t i källfilen.${stateSv(a)}`,
      'swap-stuck': (a) =>
        `Bytet till den nya webbplatsen i ${a['path'] ?? ''} kunde varken slutföras eller ångras (${errnoSv(a['cause'])[0]}: ${a['at'] ?? ''}). Journalen ${a['journal'] ?? ''} finns kvar: rätta orsaken och kör igen, så slutför eller ångrar lofte bytet.`,
      fs: (a) => {
        const [what, todo] = errnoSv(a['code']);
        return `Kan inte ${ACTION_SV[a['action'] ?? ''] ?? 'skriva till'} ${a['path'] ?? ''}: ${what}. ${todo}${stateSv(a)}`;
      },
    },
  },
  cli: cliSv,
};
