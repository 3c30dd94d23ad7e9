// bench/generate.js — deterministic generator of a national-scale medborgarlöften corpus (module + CLI).
//
//   import { generateCorpus } from './generate.js';
//   generateCorpus(dir, { files: 10_000, errorShare: 0.05, seed: 1 });
//
//   node bench/generate.js <dir> <files> [errorShare=0.05] [seed=1]
//
// The corpus looks like a national repository: all 290 kommuner (data/kommuner.json), ~95
// lokalpolisområden that group kommuner within one län (so within one polisregion), län-level actors
// (region, kollektivtrafik), and, going back in time period by period, Problembild (.yaml and .md,
// some `sekretess: intern`), Medborgarlofte (3–10 promises) and Uppfoljning documents. Everything is
// drawn from a seeded mulberry32 PRNG, so the same arguments give byte-identical files. The content
// does not depend on `errorShare`: the planted errors use a second PRNG stream, so a corpus with
// errorShare 0 is the same repository as one with errors, minus the mistakes.
//
// Time-dependent content (statuses, which follow-ups exist) is written as of REFERENCE_DATE, the
// `--as-of` the benchmark uses; with that date the clean corpus has no errors and only the few
// warnings planted on purpose (vague or conditional promises, ~2 % of promises).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// lofte's own date arithmetic and follow-up periods (built by `npm ci`), so the corpus agrees with
// the rule it plants follow-ups for.
import { addDays, addMonths } from '../dist/model/dates.js';
import { followUpPeriods, GRACE_DAYS, REPORT_WINDOW_DAYS } from '../dist/rules/follow-up-missing.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');

export const REFERENCE_DATE = '2026-11-24';
/** The name of the manifest written at the corpus root (a dotfile: lofte and the floors never read it). */
export const MANIFEST = '.corpus.json';
const TARGET_LPO_COUNT = 95;

// ───────────────────────────── PRNG ─────────────────────────────

function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  /** Integer in [min, max]. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** Picks from [[value, weight], …]. */
  weighted(pairs) {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    return pairs[pairs.length - 1][0];
  }
  shuffle(list) {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

// ───────────────────────────── dates (UTC, ISO strings) ─────────────────────────────

const toDate = (iso) => new Date(`${iso}T00:00:00Z`);
const toIso = (d) => d.toISOString().slice(0, 10);
const endOfMonth = (year, month) => toIso(new Date(Date.UTC(year, month, 0))); // month 1–12
/** The `months` whole calendar months that end before the month of `iso`. */
function monthsBefore(iso, months) {
  const first = `${iso.slice(0, 7)}-01`;
  return { from: addMonths(first, -months), tom: addDays(first, -1) };
}
const daysBetween = (a, b) => Math.round((toDate(b) - toDate(a)) / 86_400_000);
// ───────────────────────────── text helpers ─────────────────────────────

const WORDS = ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];
/** Small numbers as Swedish words, as published texts write them. */
const w = (n) => (n < WORDS.length ? WORDS[n] : String(n));
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

export function slugify(text) {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "Laxå kommun", "Karlshamns kommun": no genitive s after a vowel or s/x/z. */
function kommunNamn(namn) {
  return /[aeiouyåäösxz]$/i.test(namn) ? `${namn} kommun` : `${namn}s kommun`;
}

/** Typo in an id, as people make them: a dropped or doubled letter, or two letters swapped. */
function typo(rng, id, taken) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const letters = [...id].map((ch, i) => (/[a-z]/.test(ch) ? i : -1)).filter((i) => i > 0);
    const i = rng.pick(letters);
    const kind = rng.int(0, 2);
    let out;
    if (kind === 0) out = id.slice(0, i) + id.slice(i + 1);
    else if (kind === 1) out = id.slice(0, i) + id[i] + id.slice(i);
    else out = i + 1 < id.length && /[a-z]/.test(id[i + 1]) ? id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2) : id.slice(0, i) + id.slice(i + 1);
    if (out !== id && !taken.has(out) && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(out)) return out;
  }
  return `${id}-x`;
}

// ───────────────────────────── a small YAML writer ─────────────────────────────
// Writes the subset of YAML the corpus needs, in the style of examples/: block maps and lists,
// folded `>-` for long text, literal `|` for Markdown, unquoted dates, optional flow maps.

const WIDTH = 92;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const RESERVED = /^(?:true|false|yes|no|on|off|null|y|n|~)$/i;
const FLOW_SAFE = /^[\p{L}\p{N}][\p{L}\p{N} .–-]*$/u;

function plainOk(s) {
  return (
    /^[\p{L}]/u.test(s) &&
    !/[\n\t]/.test(s) &&
    !s.includes(': ') &&
    !s.includes(' #') &&
    !/[: ]$/.test(s) &&
    !RESERVED.test(s)
  );
}

function inlineScalar(v) {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (DATE_RE.test(v)) return v;
  return plainOk(v) ? v : JSON.stringify(v);
}

function isScalar(v) {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function flowable(obj) {
  const vals = Object.values(obj).filter((v) => v !== undefined);
  return vals.length > 0 && vals.every((v) => typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && (DATE_RE.test(v) || (FLOW_SAFE.test(v) && !RESERVED.test(v)))));
}

function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Wraps Markdown paragraphs and list items (headings and blank lines stay as they are). */
function wrapMarkdown(text, width = 88) {
  const out = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) out.push(line);
    else if (line.startsWith('- ')) wrap(line.slice(2), width - 2).forEach((l, i) => out.push(i === 0 ? `- ${l}` : `  ${l}`));
    else out.push(...wrap(line, width));
  }
  return out.join('\n');
}

function emitEntries(obj, ind, out, style) {
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    emitValue(`${' '.repeat(ind)}${key}:`, value, ind, out, style);
  }
}

function emitValue(prefix, v, ind, out, style) {
  const pad = ' '.repeat(ind + 2);
  if (Array.isArray(v)) {
    if (style.flowLists && v.length <= 3 && v.every((x) => typeof x === 'string' && FLOW_SAFE.test(x))) {
      out.push(`${prefix} [${v.join(', ')}]`);
      return;
    }
    out.push(prefix);
    for (const item of v) emitItem(item, ind + 2, out, style);
    return;
  }
  if (v !== null && typeof v === 'object') {
    if (style.flowMaps && flowable(v)) {
      const parts = Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => `${k}: ${inlineScalar(x)}`);
      const line = `${prefix} { ${parts.join(', ')} }`;
      if (line.length <= WIDTH) {
        out.push(line);
        return;
      }
    }
    out.push(prefix);
    emitEntries(v, ind + 2, out, style);
    return;
  }
  if (typeof v === 'string' && v.includes('\n')) {
    out.push(`${prefix} ${v.endsWith('\n') ? '|' : '|-'}`);
    for (const line of v.replace(/\n$/, '').split('\n')) out.push(line === '' ? '' : pad + line);
    return;
  }
  if (typeof v === 'string' && !DATE_RE.test(v) && prefix.length + 1 + v.length > WIDTH) {
    out.push(`${prefix} >-`);
    for (const line of wrap(v, WIDTH - ind - 2)) out.push(pad + line);
    return;
  }
  out.push(`${prefix} ${inlineScalar(v)}`);
}

function emitItem(item, ind, out, style) {
  const pad = ' '.repeat(ind);
  if (isScalar(item)) {
    emitValue(`${pad}-`, item, ind, out, style);
    return;
  }
  const inner = [];
  emitEntries(item, ind + 2, inner, style);
  inner[0] = `${pad}- ${inner[0].slice(ind + 2)}`;
  out.push(...inner);
}

function emitDocument(obj, style) {
  const out = [];
  emitEntries(obj, 0, out, style);
  return out;
}

// ───────────────────────────── reference data ─────────────────────────────

/** Län: the regional actors that exist once per län. */
const LAN = {
  '01': { region: 'Region Stockholm', trafik: 'SL' },
  '03': { region: 'Region Uppsala', trafik: 'UL' },
  '04': { region: 'Region Sörmland', trafik: 'Sörmlandstrafiken' },
  '05': { region: 'Region Östergötland', trafik: 'Östgötatrafiken' },
  '06': { region: 'Region Jönköpings län', trafik: 'Jönköpings länstrafik' },
  '07': { region: 'Region Kronoberg', trafik: 'Länstrafiken Kronoberg' },
  '08': { region: 'Region Kalmar län', trafik: 'Kalmar länstrafik' },
  '09': { region: 'Region Gotland', trafik: 'Gotlands kollektivtrafik' },
  '10': { region: 'Region Blekinge', trafik: 'Blekingetrafiken' },
  '12': { region: 'Region Skåne', trafik: 'Skånetrafiken' },
  '13': { region: 'Region Halland', trafik: 'Hallandstrafiken' },
  '14': { region: 'Västra Götalandsregionen', trafik: 'Västtrafik' },
  '17': { region: 'Region Värmland', trafik: 'Värmlandstrafik' },
  '18': { region: 'Region Örebro län', trafik: 'Länstrafiken Örebro' },
  '19': { region: 'Region Västmanland', trafik: 'VL' },
  '20': { region: 'Region Dalarna', trafik: 'Dalatrafik' },
  '21': { region: 'Region Gävleborg', trafik: 'X-trafik' },
  '22': { region: 'Region Västernorrland', trafik: 'Din Tur' },
  '23': { region: 'Region Jämtland Härjedalen', trafik: 'Länstrafiken i Jämtlands län' },
  '24': { region: 'Region Västerbotten', trafik: 'Länstrafiken i Västerbotten' },
  '25': { region: 'Region Norrbotten', trafik: 'Länstrafiken i Norrbotten' },
};

const FORNAMN = ['Anna', 'Maria', 'Eva', 'Karin', 'Sara', 'Lena', 'Helena', 'Annika', 'Johanna', 'Emma', 'Lars', 'Anders', 'Johan', 'Per', 'Erik', 'Peter', 'Mikael', 'Fredrik', 'Stefan', 'Magnus', 'Ali', 'Fatima', 'Amir', 'Leila'];
const EFTERNAMN = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Lindberg', 'Holmgren', 'Ek', 'Lindahl', 'Nyström', 'Berg', 'Sandberg', 'Hassan', 'Öberg', 'Åström'];
/** Larger towns, largest first: a lokalpolisområde is named after the largest of its kommuner. */
const TOWNS = 'Stockholm Göteborg Malmö Uppsala Linköping Örebro Västerås Helsingborg Norrköping Jönköping Umeå Lund Borås Gävle Eskilstuna Södertälje Karlstad Växjö Halmstad Sundsvall Luleå Trollhättan Östersund Kalmar Falun Kristianstad Skellefteå Karlskrona Borlänge Varberg Uddevalla Nyköping Motala Landskrona Örnsköldsvik Trelleborg Ängelholm Lidköping Kungsbacka Piteå Sandviken Skövde Hässleholm Enköping Falkenberg Katrineholm Västervik Gotland Kiruna Härnösand Hudiksvall Mora Ludvika Köping Karlshamn Alingsås Mölndal Huddinge Nacka Botkyrka Haninge Järfälla Sollentuna Täby Solna Sundbyberg Norrtälje Värnamo Nässjö Ljungby Vetlanda Oskarshamn Vänersborg Mariestad Arvika Kristinehamn Lindesberg Sala Avesta Bollnäs Söderhamn Sollefteå Kramfors Lycksele Boden Gällivare Hallsberg Tranås Mjölby Finspång Flen Strängnäs Eslöv Ystad Kumla Karlskoga Fagersta Sölvesborg Vimmerby Tidaholm Falköping Lerum Kungälv Stenungsund Ulricehamn Värmdö Österåker Vallentuna Tyresö Lidingö Sigtuna Östhammar Oxelösund Gislaved Älmhult Nybro Torsby Säffle Hagfors Arboga Hedemora Leksand Ljusdal Timrå Krokom Vilhelmina Kalix Haparanda'.split(' ');
const townRank = (namn) => {
  const i = TOWNS.indexOf(namn);
  return i < 0 ? TOWNS.length : i;
};

const ROLL = {
  lokalpolisomrade: 'Lokalpolisområdeschef',
  kommun: 'Kommunstyrelsens ordförande',
  raddningstjanst: 'Räddningschef',
  bostadsbolag: 'Vd',
  civilsamhalle: 'Föreningens ordförande',
  region: 'Regiondirektör',
  kollektivtrafik: 'Trafikdirektör',
};

// ───────────────────────────── themes: problems and the promises that answer them ─────────────
// {ort}: the kommun's name; c.plats: the place, lower case; c.name(role): an actor's name.
// A promise template: key (id), who (actor role), n [min, max], and either omf (omfattning.enhet)
// or per (frekvens.per) with unit (what is counted in follow-ups); kort: gets its own short tidsram;
// limit: the number is a ceiling (days until …), so follow-ups report no utfall.
// intern: the theme may be an internal problem picture resting on underrättelse.

const THEMES = [
  {
    slug: 'narkotika-unga',
    intern: true,
    amne: 'narkotika bland unga',
    platser: ['stadsparken i {ort}', 'centrumparken i {ort}', 'parken vid stationen i {ort}'],
    titel: (c) => `Ökad användning av narkotika bland ungdomar i ${c.plats} kvällstid`,
    sammanfattning: (c) => `Fler ungdomar samlas i ${c.plats} på kvällarna, och både invånare, personal och polisens egna iakttagelser visar att försäljning och användning av narkotika bland unga har ökat där under det senaste året. Många invånare undviker platsen efter mörkrets inbrott.`,
    tid: 'Kvällstid, främst fredag och lördag mellan klockan 19 och 24',
    malgrupp: 'Ungdomar 14–19 år och deras vårdnadshavare',
    kallor: ['trygghetsmatning', 'anmalda_brott', 'skolenkat'],
    ser: (c) => `Polis och fältassistenter möter allt oftare grupper av ungdomar i ${c.plats} som är påverkade av cannabis. Flera av dem är under 16 år, och rapporteringen för ringa narkotikabrott bland unga har ökat.`,
    oro: ['att barn erbjuds narkotika på väg hem från skolan', 'att äldre invånare inte längre går genom parken på kvällen', 'nedskräpning och sprutor i buskagen vid lekplatsen'],
    varfor: 'Tidig debut i narkotika ökar risken för missbruk och för att unga dras in i kriminalitet. Därför behöver både polisen och kommunen möta ungdomarna tidigt, och vuxna behöver finnas på plats.',
    effekt: { beskrivning: 'Färre ungdomar som använder narkotika i parken', indikator: 'Antal anmälda ringa narkotikabrott med misstänkta under 21 år i området' },
    loften: [
      { key: 'spaning', who: 'polis', n: [8, 24], omf: 'spanings- och underrättelseinsatser', minst: true, text: (c, n) => `Polisen lovar att genomföra minst ${n} spanings- och underrättelseinsatser mot dem som säljer narkotika i och kring ${c.plats}.`, metod: 'Antal genomförda insatser enligt lokalpolisområdets verksamhetsuppföljning' },
      { key: 'fotpatrull', who: 'polis', n: [2, 4], per: 'vecka', unit: 'kvällar med fotpatrull', text: (c, n) => `Polisen lovar att fotpatrullera i ${c.plats} minst ${w(n)} kvällar i veckan, med tyngdpunkt på fredags- och lördagskvällar.`, metod: 'Antal kvällar med fotpatrull enligt polisens händelserapportering' },
      { key: 'besok-ungdomsgardar', who: 'polis', n: [2, 4], per: 'manad', unit: 'besök på ungdomsgårdar', text: (c, n) => `Polisen lovar att besöka ungdomsgårdarna i ${c.ort} ${w(n)} gånger i månaden för samtal med ungdomar och personal om narkotika och var man kan få hjälp.`, metod: 'Antal besök enligt kommunpolisens besöksförteckning' },
      { key: 'faltassistenter', who: 'kommun', n: [2, 4], per: 'vecka', unit: 'kvällspass med fältassistenter', text: (c, n) => `${c.name('kommun')} lovar att fältassistenterna arbetar i ${c.plats} minst ${w(n)} kvällar i veckan, alltid fredag och lördag.`, metod: 'Antal kvällspass enligt fältassistenternas dagbok' },
      { key: 'vardande-insatser', who: 'kommun', n: [3, 7], omf: 'arbetsdagar från rapport till första samtal', minst: false, limit: true, text: (c, n) => `${c.name('kommun')} lovar att varje ungdom som rapporteras för ringa narkotikabrott, tillsammans med sina vårdnadshavare, får ett första samtal med socialtjänsten inom ${w(n)} arbetsdagar.`, metod: 'Andel ungdomar som fått samtal inom tidsgränsen, enligt socialtjänstens ärendestatistik' },
      { key: 'nattvandring', who: 'civil', n: [2, 3], per: 'vecka', unit: 'nattvandringar', text: (c, n) => `${c.name('civil')} lovar att nattvandra i ${c.plats} och centrum ${w(n)} kvällar i veckan under skolterminerna.`, metod: 'Antal genomförda nattvandringar enligt föreningens logg' },
      { key: 'ungdomsmottagning', who: 'region', n: [2, 4], per: 'manad', unit: 'kvällar med drop-in', text: (c, n) => `${c.name('region')} lovar att ungdomsmottagningen i ${c.ort} har öppet för drop-in ${w(n)} kvällar i månaden, med samtal om alkohol och narkotika.`, metod: 'Antal kvällar med drop-in enligt ungdomsmottagningens statistik' },
    ],
  },
  {
    slug: 'buskorning',
    amne: 'buskörning med A-traktorer och mopeder',
    platser: ['{ort} centrum', 'torget i {ort}', 'centrala {ort}'],
    titel: (c) => `Buskörning med A-traktorer och mopeder i ${c.plats}`,
    sammanfattning: (c) => `Unga förare av A-traktorer och trimmade mopeder kör i hög fart och spelar hög musik i ${c.plats} på kvällar och helger. Invånarna upplever det som störande och farligt, särskilt för fotgängare och cyklister.`,
    tid: 'Kvällar och helger, främst under sommarhalvåret',
    malgrupp: 'Unga förare 15–18 år, boende och trafikanter i centrum',
    kallor: ['anmalda_brott', 'kommunens_lagesbild', 'trygghetsmatning'],
    ser: (c) => `Polisen får många samtal om buskörning i ${c.plats}, och vid kontrollerna hittas ofta fordon som är trimmade eller har fel på bromsarna.`,
    oro: ['att barn och äldre inte vågar gå över gatan på kvällen', 'hög musik sent på kvällen', 'att någon snart kommer att bli påkörd'],
    varfor: 'Buskörningen skapar otrygghet för många och risk för allvarliga olyckor. Unga förare behöver veta vad som gäller, och vägmiljön behöver göra det svårare att köra fort.',
    effekt: { beskrivning: 'Färre störningar från buskörning i centrum', indikator: 'Antal samtal till polisen om buskörning i centrum' },
    loften: [
      { key: 'trafikkontroller', who: 'polis', n: [20, 60], per: 'ar', minst: true, unit: 'trafikkontroller', text: (c, n) => `Polisen lovar att genomföra minst ${n} trafikkontroller per år riktade mot A-traktorer och mopeder i ${c.plats}.`, metod: 'Antal kontroller enligt polisens verksamhetsuppföljning' },
      { key: 'kontroller-invanarforslag', who: 'polis', n: [10, 30], omf: 'trafikkontroller på platser som invånarna föreslagit', minst: true, text: (c, n) => `Polisen lovar att genomföra minst ${n} trafikkontroller vid platser och tider som invånarna föreslår via kommunens e-tjänst.`, metod: 'Antal kontroller på föreslagna platser, redovisade med plats och datum' },
      { key: 'a-traktortraffar', who: 'kommun', n: [2, 6], per: 'ar', unit: 'träffar för unga förare', text: (c, n) => `${c.name('kommun')} lovar att ordna ${w(n)} träffar per år för unga förare av A-traktorer och deras vårdnadshavare, där polisen går igenom trafikreglerna.`, metod: 'Antal träffar och antal deltagare enligt fritidsenhetens närvarolistor' },
      { key: 'fartdampning', who: 'kommun', n: [3, 8], omf: 'platser med fartdämpande åtgärder', minst: true, kort: true, text: (c, n) => `${c.name('kommun')} lovar att anlägga fartdämpande åtgärder på minst ${w(n)} platser i ${c.plats}.`, metod: 'Antal färdiga platser enligt gatuenhetens projektuppföljning' },
      { key: 'sommarkvallar', who: 'civil', n: [2, 4], per: 'manad', unit: 'kvällar på plats', text: (c, n) => `${c.name('civil')} lovar att finnas på plats i ${c.plats} ${w(n)} fredagskvällar i månaden, med vuxna som pratar med de unga förarna.`, metod: 'Antal kvällar enligt föreningens logg' },
    ],
  },
  {
    slug: 'resecentrum',
    amne: 'otrygghet vid resecentrum',
    platser: ['resecentrum i {ort}', 'busstationen i {ort}', 'stationsområdet i {ort}'],
    titel: (c) => `Otrygghet och ordningsstörningar vid ${c.plats} kvällstid`,
    sammanfattning: (c) => `Många invånare, särskilt kvinnor och äldre, känner sig otrygga vid ${c.plats} och på gångstråken in mot centrum på kvällen. Grupper som samlas vid hållplatserna, dålig belysning och stök på helgkvällarna är det som oftast nämns.`,
    tid: 'Kvällstid, främst torsdag till lördag',
    malgrupp: 'Resenärer, pendlare och boende i centrum',
    kallor: ['trygghetsvandring', 'anmalda_brott', 'trygghetsmatning'],
    ser: (c) => `Polisens egna iakttagelser och de anmälda brotten bekräftar bilden. Stöket vid ${c.plats} är störst på helgkvällarna och hänger ofta ihop med alkohol.`,
    oro: ['grupper som uppfattas som hotfulla vid hållplatserna', 'en mörk gångtunnel med klotter och krossat glas', 'att man väljer bort kvällståget och blir hämtad med bil'],
    varfor: 'Resecentrum är en knutpunkt för många. Alla ska kunna resa och röra sig tryggt även på kvällen.',
    effekt: { beskrivning: 'Fler känner sig trygga vid resecentrum på kvällen', indikator: 'Andel som känner sig trygga vid resecentrum kvällstid enligt polisens trygghetsmätning' },
    loften: [
      { key: 'narvaro', who: 'polis', n: [2, 4], per: 'vecka', unit: 'kvällar med polisnärvaro', text: (c, n) => `Polisen lovar att finnas på plats vid ${c.plats} minst ${w(n)} kvällar i veckan, med tyngdpunkt på torsdag till lördag.`, metod: 'Antal kvällar med polisnärvaro enligt polisens händelserapportering' },
      { key: 'trafikvardar', who: 'trafik', n: [2, 3], per: 'vecka', unit: 'kvällar med trafikvärdar', text: (c, n) => `${c.name('trafik')} lovar att ha trafikvärdar på plats vid ${c.plats} ${w(n)} kvällar i veckan, alltid fredag och lördag.`, metod: 'Antal kvällar med trafikvärdar enligt bemanningsplanen' },
      { key: 'belysning', who: 'kommun', n: [2, 5], omf: 'gångstråk med ny belysning', minst: false, kort: true, text: (c, n) => `${c.name('kommun')} lovar att sätta upp ny belysning längs ${w(n)} gångstråk mellan ${c.plats} och centrum.`, metod: 'Antal färdiga gångstråk enligt gatuenhetens projektuppföljning' },
      { key: 'trygghetsvandringar', who: 'kommun', n: [2, 4], per: 'ar', unit: 'trygghetsvandringar', text: (c, n) => `${c.name('kommun')} lovar att leda ${w(n)} trygghetsvandringar per år vid ${c.plats}, där invånarna bjuds in att delta.`, metod: 'Antal genomförda trygghetsvandringar och antal deltagande invånare' },
      { key: 'nattvandring-station', who: 'civil', n: [2, 2], per: 'vecka', unit: 'nattvandringar', text: (c) => `${c.name('civil')} lovar att nattvandra vid ${c.plats} varje fredag och lördag under skolterminerna.`, metod: 'Antal nattvandringar enligt föreningens logg' },
    ],
  },
  {
    slug: 'brander-skadegorelse',
    intern: true,
    amne: 'anlagda bränder och skadegörelse',
    platser: ['flerbostadsområdena i {ort}', 'bostadsområdena i norra {ort}', 'bostadsområdet kring {ort} centrum'],
    titel: (c) => `Anlagda bränder och skadegörelse i ${c.plats}`,
    sammanfattning: (c) => `Antalet anlagda bränder i soprum, containrar och förråd i ${c.plats} har ökat, och skadegörelsen i trapphus och tvättstugor är omfattande. Boende berättar att de är oroliga för att en brand ska sprida sig till bostäderna.`,
    tid: 'Kvällar och nätter, oftast under helger och skollov',
    malgrupp: 'Boende i flerbostadsområdena, särskilt barnfamiljer',
    kallor: ['kommunens_lagesbild', 'anmalda_brott', 'trygghetsvandring'],
    ser: (c) => `Räddningstjänsten har larmats till betydligt fler bränder i ${c.plats} än tidigare år. Bränderna samlas till några få kvarter och till kvällar när många unga är ute.`,
    oro: ['bränder i soprum nära entréerna', 'förstörda lampor i trapphusen', 'att ingen reagerar när något händer'],
    varfor: 'Anlagda bränder kan sprida sig till bostäder och skapar stor oro. Åtgärder i den fysiska miljön, tidiga signaler och vuxna som syns gör skillnad.',
    effekt: { beskrivning: 'Färre anlagda bränder i flerbostadsområdena', indikator: 'Antal anlagda bränder enligt räddningstjänstens insatsstatistik' },
    loften: [
      { key: 'est-moten', who: 'kommun', n: [2, 2], per: 'manad', unit: 'EST-möten', text: (c, n) => `${c.name('kommun')} lovar att leda EST-möten med polisen, räddningstjänsten och bostadsbolaget ${w(n)} gånger i månaden, där bränder och skadegörelse gås igenom och åtgärder fördelas.`, metod: 'Antal EST-möten enligt mötesanteckningarna' },
      { key: 'patrull-bostadsomraden', who: 'polis', n: [2, 3], per: 'vecka', unit: 'kvällar med fotpatrull', text: (c, n) => `Polisen lovar att patrullera till fots i ${c.plats} minst ${w(n)} kvällar i veckan.`, metod: 'Antal kvällar med fotpatrull enligt polisens händelserapportering' },
      { key: 'hembesok-brandskydd', who: 'rtj', n: [100, 600], omf: 'lägenheter med hembesök', minst: true, kort: true, text: (c, n) => `${c.name('rtj')} lovar att göra hembesök med brandskyddsinformation i minst ${n} lägenheter i ${c.plats}.`, metod: 'Antal besökta lägenheter enligt räddningstjänstens besöksregister' },
      { key: 'lasbara-miljohus', who: 'bostad', n: [4, 15], omf: 'ombyggda soprum och miljöhus', minst: false, kort: true, text: (c, n) => `${c.name('bostad')} lovar att göra ${w(n)} soprum och miljöhus brandsäkra och låsbara.`, metod: 'Antal färdiga ombyggnader enligt bostadsbolagets projektredovisning' },
      { key: 'sanering', who: 'bostad', n: [2, 3], omf: 'dygn från anmälan till åtgärd', minst: false, limit: true, text: (c, n) => `${c.name('bostad')} lovar att ta bort klotter och brännbart skräp inom ${w(n)} dygn efter att det har anmälts.`, metod: 'Andel åtgärdade anmälningar inom tidsgränsen enligt felanmälningssystemet' },
    ],
  },
  {
    slug: 'bostadsinbrott',
    intern: true,
    amne: 'bostadsinbrott',
    platser: ['villaområdena i {ort}', 'villaområdena i södra {ort}', 'småhusområdena runt {ort}'],
    titel: (c) => `Bostadsinbrott i ${c.plats}`,
    sammanfattning: (c) => `Bostadsinbrotten i ${c.plats} har blivit fler, särskilt under den mörka delen av året. Invånarna är oroliga och efterfrågar både synlig polis och råd om hur de kan skydda sig.`,
    tid: 'Eftermiddag och tidig kväll, oktober till mars',
    malgrupp: 'Boende i villa- och småhusområden',
    kallor: ['anmalda_brott', 'ntu', 'trygghetsmatning'],
    ser: (c) => `Inbrotten i ${c.plats} följer ett mönster: de sker vardagar när de boende är på jobbet, och ofta i flera hus på samma gata under kort tid.`,
    oro: ['inbrott medan familjen är på semester', 'okända bilar som kör långsamt genom området', 'att polisen inte hinner komma'],
    varfor: 'Ett inbrott skapar otrygghet långt efteråt. Grannsamverkan och kontroller där inbrotten sker minskar risken.',
    effekt: { beskrivning: 'Färre bostadsinbrott i villaområdena', indikator: 'Antal anmälda bostadsinbrott i området per år' },
    loften: [
      { key: 'riktade-kontroller', who: 'polis', n: [15, 50], omf: 'riktade kontroller', minst: true, text: (c, n) => `Polisen lovar att genomföra minst ${n} riktade kontroller av fordon och personer i ${c.plats} under den mörka delen av året.`, metod: 'Antal kontroller enligt polisens verksamhetsuppföljning' },
      { key: 'grannsamverkan', who: 'polis', n: [4, 12], omf: 'nya områden med grannsamverkan', minst: true, text: (c, n) => `Polisen lovar att tillsammans med kommunen starta grannsamverkan i minst ${w(n)} nya områden i ${c.ort}.`, metod: 'Antal nya områden med grannsamverkan enligt polisens register' },
      { key: 'inbrottsinformation', who: 'kommun', n: [2, 2], per: 'ar', unit: 'utskick till hushållen', text: (c, n) => `${c.name('kommun')} lovar att skicka information om hur man skyddar sitt hem mot inbrott till alla hushåll i ${c.plats} ${w(n)} gånger per år.`, metod: 'Antal utskick och antal hushåll som nåtts' },
      { key: 'grannsamverkanstraffar', who: 'civil', n: [2, 4], per: 'ar', unit: 'informationsträffar', text: (c, n) => `${c.name('civil')} lovar att ordna ${w(n)} informationsträffar om grannsamverkan per år i ${c.ort}.`, metod: 'Antal träffar och antal deltagare' },
    ],
  },
  {
    slug: 'trafik-skolor',
    amne: 'höga hastigheter vid skolor',
    platser: ['skolorna i {ort}', 'skolor och förskolor i {ort}', 'skolområdena i centrala {ort}'],
    titel: (c) => `Höga hastigheter och farliga trafikmiljöer vid ${c.plats}`,
    sammanfattning: (c) => `Föräldrar och skolpersonal berättar om bilister som kör för fort vid ${c.plats} när barnen kommer och går. Flera övergångsställen saknar belysning och fartdämpning.`,
    tid: 'Vardagar klockan 7–9 och 14–17',
    malgrupp: 'Barn och elever, vårdnadshavare och skolpersonal',
    kallor: ['kommunens_lagesbild', 'trygghetsvandring', 'skolenkat'],
    ser: (c) => `Kommunens hastighetsmätningar vid ${c.plats} visar att många kör betydligt fortare än 30 kilometer i timmen under skoltid.`,
    oro: ['att barnen inte kan gå eller cykla själva till skolan', 'bilar som stannar på övergångsställen', 'mörka skolvägar under vintern'],
    varfor: 'Barn är de mest utsatta trafikanterna. Lägre hastigheter och säkrare övergångsställen gör att fler barn kan ta sig till skolan på egen hand.',
    effekt: { beskrivning: 'Lägre hastigheter vid skolorna', indikator: 'Medelhastighet vid skolorna enligt kommunens mätningar' },
    loften: [
      { key: 'hastighetskontroller', who: 'polis', n: [20, 60], omf: 'hastighetskontroller vid skolor', minst: true, text: (c, n) => `Polisen lovar att genomföra minst ${n} hastighetskontroller vid ${c.plats} under skolterminerna.`, metod: 'Antal kontroller enligt polisens verksamhetsuppföljning' },
      { key: 'overgangsstallen', who: 'kommun', n: [2, 6], omf: 'ombyggda övergångsställen', minst: false, kort: true, text: (c, n) => `${c.name('kommun')} lovar att bygga om ${w(n)} övergångsställen vid ${c.plats} med belysning och fartdämpning.`, metod: 'Antal färdiga övergångsställen enligt gatuenhetens projektuppföljning' },
      { key: 'hastighetsmatning', who: 'kommun', n: [4, 10], omf: 'skolor med hastighetsmätning varje termin', minst: true, text: (c, n) => `${c.name('kommun')} lovar att mäta hastigheten vid minst ${w(n)} skolor varje termin och redovisa resultatet på kommunens webbplats.`, metod: 'Antal skolor med redovisad mätning' },
      { key: 'skolvagsvandringar', who: 'civil', n: [2, 5], per: 'ar', unit: 'skolvägsvandringar', text: (c, n) => `${c.name('civil')} lovar att ordna ${w(n)} skolvägsvandringar per läsår tillsammans med föräldrar.`, metod: 'Antal vandringar och antal deltagare' },
    ],
  },
  {
    slug: 'helgnatter-centrum',
    intern: true,
    amne: 'våld och ordningsstörningar under helgnätter',
    platser: ['{ort} centrum', 'krogområdet i {ort}', 'Storgatan i {ort}'],
    titel: (c) => `Våld och ordningsstörningar i ${c.plats} under helgnätter`,
    sammanfattning: (c) => `Misshandel, hot och bråk i ${c.plats} sker främst på fredags- och lördagsnätter när krogarna stänger. Många är påverkade av alkohol, och köerna till taxi och nattbuss blir långa.`,
    tid: 'Fredag och lördag mellan klockan 22 och 04',
    malgrupp: 'Besökare i nöjeslivet, personal på serveringsställen och boende i centrum',
    kallor: ['anmalda_brott', 'kommunens_lagesbild', 'trygghetsmatning'],
    ser: (c) => `Två tredjedelar av våldsbrotten i ${c.plats} sker på helgnätter, och de flesta inom några hundra meter från krogarna.`,
    oro: ['bråk i taxikön', 'att man inte vågar gå hem ensam', 'nedskräpning och skadegörelse på morgonen'],
    varfor: 'Våldet i nöjeslivet går att minska med synlig polis, ansvarsfull alkoholservering och säkra transporter hem.',
    effekt: { beskrivning: 'Färre våldsbrott i centrum under helgnätter', indikator: 'Antal anmälda misshandelsbrott i centrum fredag och lördag natt' },
    loften: [
      { key: 'helgpatrull', who: 'polis', n: [2, 2], per: 'vecka', unit: 'helgnätter med patrull', text: (c) => `Polisen lovar att ha en synlig patrull i ${c.plats} varje fredag och lördag mellan klockan 22 och 03.`, metod: 'Antal nätter med patrull enligt polisens händelserapportering' },
      { key: 'krogtillsyn', who: 'kommun', n: [6, 20], per: 'ar', minst: true, unit: 'gemensamma krogtillsyner', text: (c, n) => `${c.name('kommun')} lovar att genomföra minst ${n} gemensamma krogtillsyner med polisen per år.`, metod: 'Antal tillsyner enligt alkoholhandläggarnas register' },
      { key: 'ansvarsfull-servering', who: 'kommun', n: [2, 4], per: 'ar', unit: 'utbildningstillfällen', text: (c, n) => `${c.name('kommun')} lovar att erbjuda utbildning i ansvarsfull alkoholservering till personalen på serveringsställena i ${c.ort} vid ${w(n)} tillfällen per år.`, metod: 'Antal utbildningstillfällen och antal deltagare' },
      { key: 'nattbussar', who: 'trafik', n: [2, 4], omf: 'extra nattbussturer per helgnatt', minst: true, text: (c, n) => `${c.name('trafik')} lovar att köra ${w(n)} extra nattbussturer från ${c.plats} varje fredag och lördag.`, metod: 'Antal körda extra turer enligt trafikuppföljningen' },
      { key: 'helgvandring', who: 'civil', n: [2, 2], per: 'vecka', unit: 'nattvandringar', text: (c) => `${c.name('civil')} lovar att nattvandra i ${c.plats} varje fredag och lördag mellan klockan 21 och 01.`, metod: 'Antal nattvandringar enligt föreningens logg' },
    ],
  },
  {
    slug: 'cykelstolder',
    amne: 'cykelstölder',
    platser: ['stationen i {ort}', 'pendelparkeringen i {ort}', 'resecentrum i {ort}'],
    titel: (c) => `Cykelstölder vid ${c.plats}`,
    sammanfattning: (c) => `Cykelstölderna vid ${c.plats} har blivit så många att pendlare slutar cykla till tåget. De flesta stölderna sker dagtid på vardagar.`,
    tid: 'Vardagar dagtid',
    malgrupp: 'Pendlare och skolungdomar',
    kallor: ['anmalda_brott', 'ntu'],
    ser: (c) => `De anmälda cykelstölderna vid ${c.plats} har ökat, och polisen hittar ofta stulna cyklar i andra kommuner.`,
    oro: ['att cykeln inte står kvar på kvällen', 'att det saknas säkra cykelställ', 'att det inte lönar sig att anmäla'],
    varfor: 'Fler ska kunna cykla till tåget. Säkra cykelparkeringar och märkta cyklar gör det svårare att stjäla och sälja cyklar.',
    effekt: { beskrivning: 'Färre cykelstölder vid stationen', indikator: 'Antal anmälda cykelstölder vid stationen per år' },
    loften: [
      { key: 'cykelstoldsinsatser', who: 'polis', n: [4, 10], per: 'ar', unit: 'insatser mot cykelstölder', text: (c, n) => `Polisen lovar att genomföra ${w(n)} insatser per år mot cykelstölder vid ${c.plats}.`, metod: 'Antal insatser enligt polisens verksamhetsuppföljning' },
      { key: 'cykelmarkning', who: 'polis', n: [100, 400], omf: 'märkta cyklar', minst: true, text: (c, n) => `Polisen lovar att märka minst ${n} cyklar vid märkningsdagar tillsammans med kommunen.`, metod: 'Antal märkta cyklar enligt märkningsprotokollen' },
      { key: 'cykelgarage', who: 'kommun', n: [50, 200], omf: 'platser i låsbart cykelgarage', minst: true, kort: true, text: (c, n) => `${c.name('kommun')} lovar att bygga ett låsbart cykelgarage med minst ${n} platser vid ${c.plats}.`, metod: 'Antal färdiga platser enligt projektuppföljningen' },
      { key: 'kameror-cykelparkering', who: 'trafik', n: [2, 4], omf: 'stationer med kamerabevakad cykelparkering', minst: false, kort: true, text: (c, n) => `${c.name('trafik')} lovar att sätta upp kameror vid cykelparkeringen på ${w(n)} stationer i ${c.ort}.`, metod: 'Antal stationer med kameror i drift' },
    ],
  },
  {
    slug: 'ran-unga',
    intern: true,
    amne: 'rån och hot mellan unga',
    platser: ['centrala {ort}', '{ort} centrum', 'skolorna och centrum i {ort}'],
    titel: (c) => `Rån och hot mellan unga i ${c.plats}`,
    sammanfattning: (c) => `Unga rånas på mobiltelefoner, kläder och pengar av andra unga i ${c.plats}, ofta på eftermiddagen efter skolan. Många brott anmäls aldrig eftersom de unga är rädda för hämnd.`,
    tid: 'Eftermiddag och kväll, vardagar',
    malgrupp: 'Ungdomar 12–18 år',
    kallor: ['anmalda_brott', 'skolenkat', 'kommunens_lagesbild'],
    ser: (c) => `De misstänkta är ofta bara något år äldre än de som rånas. Skolpersonal i ${c.ort} berättar att eleverna pratar om rånen men sällan vill berätta för vuxna.`,
    oro: ['att barnen inte vågar ta bussen ensamma', 'förnedring som filmas och sprids', 'att de som rånar aldrig åker fast'],
    varfor: 'Unga som rånar andra unga riskerar att fastna i kriminalitet, och de som rånas kan bära rädslan länge. Tidiga insatser från både skola, socialtjänst och polis behövs.',
    effekt: { beskrivning: 'Färre rån mellan unga', indikator: 'Antal anmälda rån med misstänkta och målsägande under 18 år' },
    loften: [
      { key: 'skollektioner', who: 'polis', n: [4, 8], per: 'ar', unit: 'lektioner', text: (c, n) => `Polisen lovar att hålla ${w(n)} lektioner per år på högstadieskolorna i ${c.ort} om rån, hot och vad man kan göra som brottsoffer.`, metod: 'Antal lektioner enligt kommunpolisens förteckning' },
      { key: 'kontakt-vardnadshavare', who: 'polis', n: [2, 5], omf: 'dagar från misstanke till kontakt med vårdnadshavare', minst: false, limit: true, text: (c, n) => `Polisen lovar att kontakta vårdnadshavarna till varje ungdom under 18 år som misstänks för rån i ${c.ort} inom ${w(n)} dagar.`, metod: 'Andel ärenden med kontakt inom tidsgränsen' },
      { key: 'sspf', who: 'kommun', n: [2, 4], per: 'manad', unit: 'SSPF-möten', text: (c, n) => `${c.name('kommun')} lovar att hålla SSPF-möten med polisen och skolan ${w(n)} gånger i månaden.`, metod: 'Antal möten enligt mötesanteckningarna' },
      { key: 'fritidsgard-kvall', who: 'kommun', n: [2, 4], per: 'vecka', unit: 'kvällar med sena öppettider', text: (c, n) => `${c.name('kommun')} lovar att hålla fritidsgården i centrum öppen till klockan 23 ${w(n)} kvällar i veckan.`, metod: 'Antal kvällar med sena öppettider och antal besökare' },
      { key: 'stodsamtal', who: 'region', n: [3, 10], omf: 'dagar till första stödsamtal', minst: false, limit: true, text: (c, n) => `${c.name('region')} lovar att unga brottsoffer som polisen hänvisar till ungdomsmottagningen i ${c.ort} får ett första stödsamtal inom ${w(n)} dagar.`, metod: 'Andel hänvisade som fått samtal inom tidsgränsen' },
    ],
  },
  {
    slug: 'bedragerier-aldre',
    amne: 'bedrägerier mot äldre',
    platser: ['{ort}', 'hela {ort}', '{ort} med omnejd'],
    titel: (c) => `Bedrägerier mot äldre i ${c.plats}`,
    sammanfattning: (c) => `Äldre i ${c.plats} luras allt oftare av bedragare som ringer och utger sig för att vara från banken eller polisen. Många skäms och anmäler inte brotten.`,
    tid: 'Dagtid, alla dagar',
    malgrupp: 'Äldre över 70 år och deras anhöriga',
    kallor: ['anmalda_brott', 'forskning'],
    ser: (c) => `De anmälda bedrägerierna mot äldre i ${c.plats} har ökat kraftigt, och beloppen är ofta stora.`,
    oro: ['att inte kunna lita på någon som ringer', 'att förlora sina besparingar', 'att inte veta vart man vänder sig'],
    varfor: 'Kunskap om hur bedragarna arbetar är det bästa skyddet. Informationen behöver nå de äldre där de finns.',
    effekt: { beskrivning: 'Färre äldre som blir lurade', indikator: 'Antal anmälda bedrägerier mot personer över 70 år' },
    loften: [
      { key: 'informationstraffar-bedrageri', who: 'polis', n: [6, 20], omf: 'informationsträffar om bedrägerier', minst: true, text: (c, n) => `Polisen lovar att hålla minst ${n} informationsträffar om bedrägerier på träffpunkter och i föreningar för äldre i ${c.ort}.`, metod: 'Antal träffar och antal deltagare' },
      { key: 'hemtjanst-information', who: 'kommun', n: [2, 2], per: 'ar', unit: 'utdelningar av information', text: (c, n) => `${c.name('kommun')} lovar att hemtjänstens personal delar ut information om telefonbedrägerier till alla kunder i ${c.ort} ${w(n)} gånger per år.`, metod: 'Antal utdelningar enligt hemtjänstens uppföljning' },
      { key: 'digital-trygghet', who: 'civil', n: [2, 6], per: 'ar', unit: 'träffar om digital säkerhet', text: (c, n) => `${c.name('civil')} lovar att ordna ${w(n)} träffar per år där äldre får hjälp att ställa in säkerheten i mobilen och bank-id.`, metod: 'Antal träffar och antal deltagare' },
      { key: 'trapphusinformation', who: 'bostad', n: [2, 4], per: 'ar', unit: 'informationsomgångar i trapphusen', text: (c, n) => `${c.name('bostad')} lovar att sätta upp information om bedrägerier i alla trapphus ${w(n)} gånger per år.`, metod: 'Antal informationsomgångar' },
    ],
  },
  {
    slug: 'skadegorelse-skolor',
    amne: 'skadegörelse vid skolor',
    platser: ['skolgårdarna i {ort}', 'skolorna i {ort}', 'skolområdena i {ort}'],
    titel: (c) => `Skadegörelse och klotter vid ${c.plats} på helger`,
    sammanfattning: (c) => `Krossade rutor, klotter och bränder i papperskorgar vid ${c.plats} kostar mycket och gör att eleverna möts av en otrygg miljö på måndagarna.`,
    tid: 'Helgkvällar och skollov',
    malgrupp: 'Elever, skolpersonal och boende nära skolorna',
    kallor: ['kommunens_lagesbild', 'anmalda_brott'],
    ser: (c) => `Skadegörelsen samlas till några skolor i ${c.ort}, och oftast till fredags- och lördagskvällar.`,
    oro: ['glassplitter på skolgården', 'att skolan blir en samlingsplats för fester', 'att klottret sitter kvar länge'],
    varfor: 'En skola som hålls hel och ren är tryggare för eleverna, och snabb sanering gör att skadegörelsen inte sprider sig.',
    effekt: { beskrivning: 'Mindre skadegörelse vid skolorna', indikator: 'Kostnad för skadegörelse på kommunens skolor per år' },
    loften: [
      { key: 'helgbevakning-skolor', who: 'polis', n: [2, 4], per: 'vecka', unit: 'besök vid skolor under helger', text: (c, n) => `Polisen lovar att åka förbi de mest utsatta skolorna i ${c.ort} minst ${w(n)} gånger varje helg.`, metod: 'Antal besök enligt polisens händelserapportering' },
      { key: 'klottersanering', who: 'kommun', n: [2, 3], omf: 'dygn från anmälan till sanering', minst: false, limit: true, text: (c, n) => `${c.name('kommun')} lovar att ta bort klotter på skolor och andra kommunala byggnader inom ${w(n)} dygn från anmälan.`, metod: 'Andel saneringar inom tidsgränsen enligt fastighetsenhetens ärendesystem' },
      { key: 'kamerabevakning-skolor', who: 'kommun', n: [2, 5], omf: 'skolor med kamerabevakning', minst: false, kort: true, text: (c, n) => `${c.name('kommun')} lovar att sätta upp kamerabevakning vid ${w(n)} skolor i ${c.ort}.`, metod: 'Antal skolor med kameror i drift' },
      { key: 'nattvandring-skolor', who: 'civil', n: [20, 60], omf: 'nattvandringar vid skolor', minst: true, text: (c, n) => `${c.name('civil')} lovar att bemanna minst ${n} nattvandringar vid skolorna i ${c.ort} under perioden.`, metod: 'Antal nattvandringar enligt föreningens logg' },
    ],
  },
  {
    slug: 'narkotikahandel-bostadsomrade',
    intern: true,
    amne: 'öppen narkotikahandel',
    platser: ['centrumområdet i {ort}', 'bostadsområdet vid torget i {ort}', 'stationsområdet i {ort}'],
    titel: (c) => `Öppen narkotikahandel i ${c.plats}`,
    sammanfattning: (c) => `Narkotika säljs öppet i ${c.plats}, och boende berättar att de känner sig otrygga i sina egna trapphus. Unga används som bud av äldre säljare.`,
    tid: 'Eftermiddag och kväll, alla dagar',
    malgrupp: 'Boende i området, särskilt barn och unga',
    kallor: ['anmalda_brott', 'trygghetsvandring', 'kommunens_lagesbild'],
    ser: (c) => `Polisen ser en etablerad försäljning i ${c.plats} som lockar köpare från andra delar av kommunen.`,
    oro: ['att barnen ser försäljningen på väg till skolan', 'främmande personer i trapphusen', 'att man inte vågar säga ifrån'],
    varfor: 'Öppen narkotikahandel skapar otrygghet och rekryterar unga till kriminalitet. Den behöver mötas med både polisiära insatser och åtgärder i boendemiljön.',
    effekt: { beskrivning: 'Ingen öppen narkotikahandel i området', indikator: 'Antal iakttagelser av försäljning enligt polisens underrättelseuppföljning' },
    loften: [
      { key: 'riktade-narkotikainsatser', who: 'polis', n: [15, 40], omf: 'riktade narkotikainsatser', minst: true, text: (c, n) => `Polisen lovar att genomföra minst ${n} riktade insatser mot narkotikahandeln i ${c.plats}.`, metod: 'Antal insatser enligt lokalpolisområdets verksamhetsuppföljning' },
      { key: 'kontaktpolis', who: 'polis', n: [2, 4], per: 'vecka', unit: 'dagar med kontaktpolis på plats', text: (c, n) => `Polisen lovar att ha en kontaktpolis på plats i ${c.plats} minst ${w(n)} dagar i veckan.`, metod: 'Antal dagar med kontaktpolis enligt tjänstgöringslistan' },
      { key: 'las-belysning-trapphus', who: 'bostad', n: [10, 60], omf: 'trapphus med nya lås och ny belysning', minst: true, kort: true, text: (c, n) => `${c.name('bostad')} lovar att byta lås och belysning i minst ${n} trapphus i ${c.plats}.`, metod: 'Antal färdiga trapphus enligt bostadsbolagets projektredovisning' },
      { key: 'traffpunkt-unga', who: 'kommun', n: [3, 5], per: 'vecka', unit: 'kvällar med öppen träffpunkt', text: (c, n) => `${c.name('kommun')} lovar att ha en träffpunkt för unga i ${c.plats} öppen minst ${w(n)} kvällar i veckan.`, metod: 'Antal öppna kvällar och antal besökare' },
      { key: 'beroendemottagning-unga', who: 'region', n: [2, 3], per: 'vecka', unit: 'kvällar med öppen mottagning', text: (c, n) => `${c.name('region')} lovar att mottagningen för unga med beroendeproblem i ${c.ort} har öppet ${w(n)} kvällar i veckan.`, metod: 'Antal öppna kvällar enligt mottagningens statistik' },
    ],
  },
];

/** Promises as Brå found too many of: vague or conditional, with no number. Lofte warns about them. */
const WEAK_PROMISES = [
  (c) => `${c.lead} lovar att verka för ökad trygghet i ${c.plats}.`,
  (c) => `${c.lead} lovar att se över belysningen och miljön i ${c.plats}.`,
  (c) => `${c.lead} lovar att fortsätta arbeta för en tryggare miljö i ${c.plats}.`,
  (c) => `${c.lead} lovar att vid behov genomföra extra insatser i ${c.plats}.`,
  (c) => `${c.lead} lovar att bistå med personal om det uppkommer önskemål från invånarna.`,
];

const ORSAKER = [
  'Personalbrist under sommaren och flera allvarliga händelser i grannkommunerna gjorde att personalen behövdes på annat håll.',
  'Upphandlingen överklagades och arbetet kunde inte börja förrän i slutet av perioden.',
  'Leverantören kunde inte leverera materialet i tid. Resterande arbete görs under nästa period.',
  'Färre invånare än väntat anmälde sig, och två tillfällen ställdes in.',
  'Verksamheten omorganiserades under perioden och ansvaret flyttades till en annan enhet.',
  'Kommunens ekonomiska läge gjorde att insatsen fick skjutas upp till nästa år.',
  'En lång period av sjukfrånvaro i den lilla gruppen gjorde att alla tillfällen inte kunde bemannas.',
];

const MEDBORGARDIALOG = [
  (c) => `Öppet medborgarmöte i ${c.ort}, där lokalpolisområdet och kommunen frågade invånarna vad som gör dem otrygga. ${cap(c.amne)} togs upp av flest deltagare.`,
  (c) => `Digital enkät på kommunens webbplats, där invånarna i ${c.ort} fick markera otrygga platser på en karta och beskriva vad de upplever.`,
  (c) => `Medborgarlöftesenkät till invånarna i ${c.ort}, där ${c.amne} kom högst upp bland de problem som nämndes.`,
  (c) => `Dialogmöten med föräldraföreningar och pensionärsföreningar i ${c.ort} om trygghet i närmiljön.`,
];
const MEDARBETARDIALOG = [
  () => 'Gemensam workshop med poliser i yttre tjänst, kommunpolisen och kommunens fältassistenter.',
  () => 'Dialog med ingripandeverksamheten, kommunpolisen och kommunens trygghetssamordnare.',
  () => 'Workshop med kommunpolisen, socialtjänsten, skolans elevhälsa och fritidsgårdarnas personal.',
];
const OTHER_SOURCES = {
  trygghetsmatning: (c) => ({ beskrivning: `Polisens trygghetsmätning för ${c.ort}. Andelen som ser ${c.amne} som ett stort problem är högre än vid föregående mätning.`, svar: [200, 1500], referens: `Polisens trygghetsmätning, ${c.lpoNamn}` }),
  anmalda_brott: (c) => ({ beskrivning: `Anmälda brott kopplade till ${c.amne} i ${c.ort} under de senaste tolv månaderna, jämfört med året innan.`, period: true }),
  skolenkat: () => ({ beskrivning: 'Kommunens drogvane- och trygghetsenkät i årskurs 9 och gymnasiets år 2.', svar: [100, 1200] }),
  trygghetsvandring: (c) => ({ beskrivning: `Trygghetsvandring kvällstid med boende, kommunen och polisen i ${c.ort}. Deltagarna pekade ut mörka och skymda platser.`, svar: [10, 40] }),
  kommunens_lagesbild: () => ({ beskrivning: 'Kommunens lägesbild från arbetet med effektiv samordning för trygghet (EST), med händelser som rapporterats varje vecka.' }),
  ntu: (c) => ({ beskrivning: `Nationella trygghetsundersökningen, resultat för ${c.lan}.`, referens: 'Brå, Nationella trygghetsundersökningen' }),
  forskning: () => ({ beskrivning: 'Brås sammanställning av forskning om vad som fungerar i lokalt brottsförebyggande arbete.', referens: 'Brå, Lokalt brottsförebyggande arbete' }),
};

// ───────────────────────────── the generator ─────────────────────────────

/**
 * Writes a corpus of about `files` files into `dir` (deleted and created fresh; an existing
 * non-empty folder is only deleted if it holds a previous corpus's manifest).
 * Returns a summary: { files, documents, byKind, errors: [{ file, type, detail }], ... }.
 */
export function generateCorpus(dir, { files, errorShare = 0.05, seed = 1 } = {}) {
  if (!Number.isInteger(files) || files < 1) throw new Error(`files must be a positive integer, got ${files}`);
  if (!(errorShare >= 0 && errorShare <= 1)) throw new Error(`errorShare must be between 0 and 1, got ${errorShare}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const plan = planCorpus({ files, seed });
  const errors = plantErrors(plan, { errorShare, seed });
  prepareDir(dir);
  const dirs = new Set();
  let documents = 0;
  const byKind = {};
  for (const file of plan.files) {
    const abs = path.join(dir, file.path);
    const parent = path.dirname(abs);
    if (!dirs.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      dirs.add(parent);
    }
    fs.writeFileSync(abs, serialize(file));
    documents += file.docs.length;
    byKind[file.kind] = (byKind[file.kind] ?? 0) + 1;
  }
  const summary = {
    generator: 'bench/generate.js',
    seed,
    requestedFiles: files,
    errorShare,
    referenceDate: REFERENCE_DATE,
    files: plan.files.length,
    documents,
    byKind,
    lokalpolisomraden: plan.lpoCount,
    kommuner: plan.kommunCount,
    errors,
  };
  fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

function prepareDir(dir) {
  if (fs.existsSync(dir)) {
    const entries = fs.readdirSync(dir);
    if (entries.length > 0 && !entries.includes(MANIFEST)) {
      throw new Error(`${dir} exists, is not empty and holds no ${MANIFEST}: refusing to delete it`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
}

/** Builds every file in memory (paths, documents as plain objects), without errors. */
function planCorpus({ files: target, seed }) {
  const rng = new Rng(seed);
  const kommuner = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'kommuner.json'), 'utf8'));
  const ids = new Set();
  const claim = (id) => {
    if (ids.has(id)) throw new Error(`generator bug: duplicate id ${id}`);
    ids.add(id);
    return id;
  };

  // Kommuner with unique slugs (Håbo and Habo both slugify to "habo").
  const slugs = new Set();
  const kommunInfo = new Map();
  for (const k of kommuner) {
    let slug = slugify(k.namn);
    if (slugs.has(slug)) slug = `${slug}-${k.kod}`;
    slugs.add(slug);
    kommunInfo.set(k.kod, { ...k, slug, id: `${slug}-kommun`, fullNamn: kommunNamn(k.namn) });
  }

  // Län and their actors.
  const lans = new Map();
  for (const k of kommunInfo.values()) {
    if (!lans.has(k.lanskod)) {
      const meta = LAN[k.lanskod];
      if (!meta) throw new Error(`no län data for ${k.lanskod}`);
      const lanSlug = slugify(k.lan.replace(/s? län$/, ''));
      lans.set(k.lanskod, { kod: k.lanskod, namn: k.lan, slug: lanSlug, polisregion: k.polisregion, kommuner: [], region: { id: `region-${lanSlug}`, namn: meta.region }, trafik: { id: `kollektivtrafik-${lanSlug}`, namn: meta.trafik } });
    }
    lans.get(k.lanskod).kommuner.push(k);
  }

  // ~95 lokalpolisområden: quotas per län (largest remainder), contiguous runs of kommuner by code.
  const total = kommunInfo.size;
  const quotas = [...lans.values()].map((l) => {
    const exact = (l.kommuner.length * TARGET_LPO_COUNT) / total;
    return { lan: l, n: Math.max(1, Math.floor(exact)), frac: exact - Math.floor(exact) };
  });
  let assigned = quotas.reduce((s, q) => s + q.n, 0);
  for (const q of [...quotas].sort((a, b) => b.frac - a.frac || a.lan.kod.localeCompare(b.lan.kod))) {
    if (assigned >= TARGET_LPO_COUNT) break;
    if (q.n < q.lan.kommuner.length) {
      q.n++;
      assigned++;
    }
  }
  const lpos = [];
  for (const { lan, n } of quotas) {
    const list = [...lan.kommuner].sort((a, b) => a.kod.localeCompare(b.kod));
    const sizes = Array(n).fill(1);
    for (let extra = list.length - n; extra > 0; extra--) sizes[rng.int(0, n - 1)]++;
    let at = 0;
    for (const size of sizes) {
      const group = list.slice(at, at + size);
      at += size;
      const main = group.reduce((best, k) => (townRank(k.namn) < townRank(best.namn) ? k : best));
      const lpo = {
        id: `lpo-${main.slug}`,
        namn: `Lokalpolisområde ${main.namn}`,
        bas: main.namn,
        slug: main.slug,
        lan,
        polisregion: lan.polisregion,
        kommuner: group,
        cycle: rng.chance(0.8) ? 2 : 1,
        rtj: { id: `raddningstjansten-${main.slug}`, namn: `Räddningstjänsten ${main.namn}` },
      };
      for (const k of group) {
        k.lpo = lpo;
        const bolag = rng.pick([`${k.namn}hem`, `${k.namn}bostäder`, `Bostads AB ${k.namn}`]);
        k.bostad = { id: `${k.slug}-bostader`, namn: bolag };
        k.civil = { id: `tryggare-${k.slug}`, namn: `Föreningen Tryggare ${k.namn}` };
      }
      lpos.push(lpo);
    }
  }

  const out = [];
  // A README like a real repository has: Markdown without front matter, which lofte skips.
  out.push({ path: 'README.md', kind: 'README', docs: [], raw: readme(lpos.length, total) });

  // Actor files: one per län (regional actors) and one per lokalpolisområde.
  for (const lan of [...lans.values()].sort((a, b) => a.kod.localeCompare(b.kod))) {
    const docs = [
      { apiVersion: 'lofte/v1', kind: 'Aktor', id: claim(lan.region.id), namn: lan.region.namn, typ: 'region', beskrivning: `Regionen ansvarar för hälso- och sjukvården i ${lan.namn}, bland annat ungdomsmottagningarna och beroendevården.` },
      { apiVersion: 'lofte/v1', kind: 'Aktor', id: claim(lan.trafik.id), namn: lan.trafik.namn, typ: 'kollektivtrafik', kontakt: { roll: 'Trygghetsansvarig', epost: `trygghet@${lan.trafik.id}.se` } },
    ];
    out.push({ path: `aktorer/lan/${lan.slug}.yaml`, kind: 'Aktor', comment: `Regionala aktörer i ${lan.namn}.`, docs, style: styleFor(rng) });
  }
  for (const lpo of lpos) {
    const docs = [
      {
        apiVersion: 'lofte/v1',
        kind: 'Aktor',
        id: claim(lpo.id),
        namn: lpo.namn,
        typ: 'lokalpolisomrade',
        polisregion: lpo.polisregion,
        kommuner: lpo.kommuner.map((k) => k.id),
        webbplats: `https://polisen.se/om-polisen/polisens-organisation/polisregion-${lpo.polisregion}/`,
        kontakt: { roll: `Kommunpolis i ${lpo.bas}`, epost: `kommunpolis.${lpo.slug.replace(/-/g, '')}@polisen.se`, telefon: '114 14' },
      },
    ];
    for (const k of lpo.kommuner) {
      docs.push({
        apiVersion: 'lofte/v1',
        kind: 'Aktor',
        id: claim(k.id),
        namn: k.fullNamn,
        typ: 'kommun',
        kommunkod: k.kod,
        webbplats: `https://www.${k.slug}.se`,
        kontakt: { roll: rng.pick(['Trygghetssamordnare', 'Brottsförebyggande samordnare', 'Säkerhets- och trygghetssamordnare']), epost: `trygghet@${k.slug}.se` },
      });
      docs.push({ apiVersion: 'lofte/v1', kind: 'Aktor', id: claim(k.bostad.id), namn: k.bostad.namn, typ: 'bostadsbolag', beskrivning: `Det kommunala bostadsbolaget i ${k.namn}.` });
      docs.push({
        apiVersion: 'lofte/v1',
        kind: 'Aktor',
        id: claim(k.civil.id),
        namn: k.civil.namn,
        typ: 'civilsamhalle',
        beskrivning: `Ideell förening som samordnar nattvandring och grannsamverkan i ${k.namn}. Volontärerna går alltid i grupper om minst tre.`,
      });
    }
    docs.push({ apiVersion: 'lofte/v1', kind: 'Aktor', id: claim(lpo.rtj.id), namn: lpo.rtj.namn, typ: 'raddningstjanst', kontakt: { roll: 'Enheten för förebyggande brandskydd', epost: `forebyggande@${lpo.rtj.id}.se` } });
    out.push({ path: `aktorer/${lpo.polisregion}/${lpo.slug}.yaml`, kind: 'Aktor', comment: `${lpo.namn}, dess kommuner och lokala samverkanspartner.`, docs, style: styleFor(rng) });
  }

  // Units (one Medborgarlofte with its problems and follow-ups), period by period back in time,
  // in a shuffled order within a period, until the file budget is used.
  for (let p = 0; out.length < target; p++) {
    const units = [];
    for (const lpo of lpos) {
      const list = [...lpo.kommuner];
      while (list.length > 0) {
        const size = list.length >= 2 && rng.chance(0.15) ? 2 : 1;
        units.push({ lpo, kommuner: list.splice(0, size) });
      }
    }
    for (const unit of rng.shuffle(units)) {
      if (out.length >= target) break;
      const fy = unit.lpo.cycle === 2 ? 2026 - 2 * p : 2026 - p;
      const ty = fy + unit.lpo.cycle - 1;
      out.push(...buildUnit(rng, claim, unit, fy, ty));
    }
  }
  return { files: out, ids, lpoCount: lpos.length, kommunCount: total };
}

function styleFor(rng) {
  return { flowMaps: rng.chance(0.2), flowLists: rng.chance(0.15) };
}

function readme(lpoCount, kommunCount) {
  return [
    '# Medborgarlöften – nationellt testförråd',
    '',
    `Genererat av \`bench/generate.js\`: ${kommunCount} kommuner i ${lpoCount} lokalpolisområden, med`,
    'problembilder, medborgarlöften och uppföljningar period för period. Alla namn, siffror och',
    'händelser är påhittade. Filen är inget lofte-dokument och hoppas över av `lofte validate`.',
    '',
  ].join('\n');
}

function buildUnit(rng, claim, unit, fy, ty) {
  const { lpo, kommuner } = unit;
  const from = `${fy}-01-01`;
  const tom = `${ty}-12-31`;
  const past = tom < REFERENCE_DATE;
  const unitSlug = kommuner.map((k) => k.slug).join('-och-');
  const years = fy === ty ? `${fy}` : `${fy}-${ty}`;
  const folder = `${lpo.polisregion}/${lpo.slug}/${unitSlug}/${years}`;
  const files = [];

  // Problems: 1–3, at least one per kommun, each theme at most once per kommun.
  const k = Math.max(kommuner.length, rng.weighted([[1, 4], [2, 4], [3, 2]]));
  const themesByKommun = new Map(kommuner.map((km) => [km.slug, rng.shuffle(THEMES)]));
  const problems = [];
  for (let i = 0; i < k; i++) {
    const km = kommuner[i % kommuner.length];
    const theme = themesByKommun.get(km.slug).pop();
    const plats = rng.pick(theme.platser).replace('{ort}', km.namn);
    const c = context(km, lpo, theme, plats);
    const pb = buildProblembild(rng, claim, c, lpo, km, theme, from, fy, kommuner.length > 1);
    problems.push({ theme, c, km, id: pb.doc.id, pb });
  }

  // Promises: 3–10, each problem answered, at least two responsible actors.
  const m = Math.max(k, rng.int(3, 10));
  const queues = problems.map((p) => rng.shuffle(p.theme.loften));
  const chosen = [];
  for (let i = 0; chosen.length < m && i < m * 4; i++) {
    const pi = i % k;
    const tpl = queues[pi].shift();
    if (tpl) chosen.push({ tpl, problem: problems[pi] });
  }
  if (new Set(chosen.map((x) => x.tpl.who)).size === 1) {
    const last = chosen[chosen.length - 1];
    const alt = last.problem.theme.loften.find((t) => t.who !== last.tpl.who && !chosen.some((x) => x.tpl === t));
    chosen[chosen.length - 1] = { tpl: alt, problem: last.problem };
  }
  const promiseIds = new Set();
  const loften = chosen.map(({ tpl, problem }) => buildPromise(rng, tpl, problem, problems, promiseIds, from, tom, kommuner.length > 1));

  const mblId = claim(`${unitSlug}-medborgarloften-${years}`);
  const orter = kommuner.map((km) => km.namn);
  const ortText = orter.length === 1 ? orter[0] : `${orter.slice(0, -1).join(', ')} och ${orter[orter.length - 1]}`;
  const kommunText = kommuner.length === 1 ? kommuner[0].fullNamn : `${kommuner.map((km) => km.fullNamn).slice(0, -1).join(', ')} och ${kommuner[kommuner.length - 1].fullNamn}`;
  const actorsInDoc = [...new Set(loften.map((l) => l.ansvarig))];
  const signed = addDays(from, -rng.int(15, 30));
  const mbl = {
    apiVersion: 'lofte/v1',
    kind: 'Medborgarlofte',
    id: mblId,
    titel: `Medborgarlöften för ${ortText} ${fy === ty ? fy : `${fy}–${ty}`}`,
    lokalpolisomrade: lpo.id,
    kommuner: kommuner.map((km) => km.id),
    giltighet: { from, tom },
    status: past ? 'avslutad' : rng.chance(0.95) ? 'publicerad' : 'beslutad',
    inledning: wrapMarkdown([
      `${lpo.namn} och ${kommunText} har tillsammans med lokala aktörer tagit fram de här medborgarlöftena.`,
      '',
      'Löftena bygger på det invånarna har berättat i enkäter, på dialogmöten och trygghetsvandringar, och på det våra medarbetare ser i sitt dagliga arbete. De gäller:',
      '',
      ...problems.map((p) => `- ${p.pb.doc.titel.charAt(0).toLowerCase()}${p.pb.doc.titel.slice(1)},`.replace(/,$/, p === problems[problems.length - 1] ? '.' : ',')),
      '',
      `Vi följer upp löftena och redovisar resultatet på ${kommuner.length === 1 ? 'kommunens' : 'kommunernas'} och polisens webbplatser.`,
      '',
    ].join('\n')),
    loften,
    forvantade_effekter: [...new Set(problems.map((p) => p.theme))].map((t) => ({ ...t.effekt })),
    undertecknare: actorsInDoc.map((id) => {
      const a = actorById(id, lpo, kommuner);
      return { aktor: id, roll: ROLL[a.typ], namn: `${rng.pick(FORNAMN)} ${rng.pick(EFTERNAMN)}`, datum: addDays(signed, rng.int(0, 3)) };
    }),
    publicering: { url: `https://www.${kommuner[0].slug}.se/medborgarloften`, datum: addDays(from, -rng.int(5, 14)) },
  };
  if (rng.chance(0.1)) mbl.intern = 'Revideras efter halvårsuppföljningen. Kontaktperson är kommunpolisen.';
  const style = styleFor(rng);

  for (const p of problems) files.push(p.pb.file(folder, style));
  files.push({ path: `${folder}/medborgarlofte.yaml`, kind: 'Medborgarlofte', docs: [mbl], style });

  // Follow-ups: half-year reports up to the reference date, plus whatever lofte's
  // follow-up-missing rule needs as of REFERENCE_DATE (quarterly cadences, short time frames).
  const cutoff = addDays(REFERENCE_DATE, -GRACE_DAYS);
  const dates = new Set();
  const halfYears = [];
  for (let y = fy; y <= ty; y++) halfYears.push(`${y}-06-30`, `${y}-12-31`);
  const reached = halfYears.filter((d) => d <= REFERENCE_DATE && d <= tom);
  reached.forEach((d, i) => {
    if (i === reached.length - 1 || !past || rng.chance(0.6)) dates.add(d);
  });
  for (const l of loften) {
    const frame = l.tidsram ?? { from, tom };
    const ended = followUpPeriods(frame, l.uppfoljning?.kadens).filter((pp) => pp.tom < cutoff);
    const latest = ended[ended.length - 1];
    if (!latest) continue;
    const earliest = addDays(latest.tom, -REPORT_WINDOW_DAYS);
    if (![...dates].some((d) => d >= earliest)) dates.add(latest.tom);
  }
  const sorted = [...dates].sort();
  let prev = from;
  for (const datum of sorted) {
    const id = claim(`${unitSlug}-uppfoljning-${datum}`);
    const isFinal = datum >= tom;
    const uf = {
      apiVersion: 'lofte/v1',
      kind: 'Uppfoljning',
      id,
      medborgarlofte: mblId,
      datum,
      period: { from: prev, tom: datum },
      rapportor: rng.chance(0.7) ? lpo.id : kommuner[0].id,
      beskrivning: isFinal ? `Slutredovisning av medborgarlöftena för ${ortText}.` : rng.chance(0.5) ? `Uppföljning av medborgarlöftena för ${ortText}. Nästa uppföljning görs om ett halvår.` : undefined,
      resultat: loften.map((l, i) => buildResultat(rng, l, chosen[i].tpl, from, tom, datum)),
    };
    files.push({ path: `${folder}/uppfoljning-${datum}.yaml`, kind: 'Uppfoljning', docs: [uf], style });
    prev = addDays(datum, 1);
  }
  return files;
}

function context(km, lpo, theme, plats) {
  const names = {
    polis: 'Polisen',
    kommun: km.fullNamn,
    rtj: lpo.rtj.namn,
    bostad: km.bostad.namn,
    civil: km.civil.namn,
    region: lpo.lan.region.namn,
    trafik: lpo.lan.trafik.namn,
  };
  const ids = {
    polis: lpo.id,
    kommun: km.id,
    rtj: lpo.rtj.id,
    bostad: km.bostad.id,
    civil: km.civil.id,
    region: lpo.lan.region.id,
    trafik: lpo.lan.trafik.id,
  };
  return { ort: km.namn, plats, amne: theme.amne, lan: lpo.lan.namn, lpoNamn: lpo.namn, name: (who) => names[who], id: (who) => ids[who] };
}

function actorById(id, lpo, kommuner) {
  if (id === lpo.id) return { typ: 'lokalpolisomrade' };
  if (id === lpo.rtj.id) return { typ: 'raddningstjanst' };
  if (id === lpo.lan.region.id) return { typ: 'region' };
  if (id === lpo.lan.trafik.id) return { typ: 'kollektivtrafik' };
  for (const km of kommuner) {
    if (id === km.id) return { typ: 'kommun' };
    if (id === km.bostad.id) return { typ: 'bostadsbolag' };
    if (id === km.civil.id) return { typ: 'civilsamhalle' };
  }
  throw new Error(`generator bug: unknown actor ${id}`);
}

function buildProblembild(rng, claim, c, lpo, km, theme, from, fy, multi) {
  const id = claim(`${km.slug}-${theme.slug}-${fy}`);
  const faststalld = addDays(from, -rng.int(45, 120));
  const intern = theme.intern === true && rng.chance(0.3);
  const markdown = rng.chance(0.25);
  const kallor = [];
  const srcDate = () => addDays(faststalld, -rng.int(14, 200));
  kallor.push({ typ: 'medborgardialog', beskrivning: rng.pick(MEDBORGARDIALOG)(c), datum: srcDate(), antal_svarande: rng.int(25, 800) });
  kallor.push({ typ: 'medarbetardialog', beskrivning: rng.pick(MEDARBETARDIALOG)(c), datum: srcDate(), antal_svarande: rng.int(8, 30) });
  for (const typ of rng.shuffle(theme.kallor).slice(0, rng.int(1, theme.kallor.length))) {
    const s = OTHER_SOURCES[typ](c);
    const item = { typ, beskrivning: s.beskrivning };
    if (s.period) item.period = monthsBefore(addDays(faststalld, -rng.int(30, 90)), 12);
    else item.datum = srcDate();
    if (s.svar) item.antal_svarande = rng.int(s.svar[0], s.svar[1]);
    if (s.referens) item.referens = s.referens;
    kallor.push(item);
  }
  if (intern) {
    kallor.unshift({
      typ: 'underrattelse',
      beskrivning: `Underrättelseinformation från lokalpolisområdet och regionens underrättelsesektion om ${c.amne} i ${c.ort}, med uppgifter om platser, tider och inblandade personer.`,
      period: monthsBefore(addDays(faststalld, -rng.int(10, 40)), 10),
    });
  }
  const body = wrapMarkdown([
    '## Vad vi ser',
    '',
    theme.ser(c),
    '',
    '## Vad invånarna säger',
    '',
    'I medborgardialogen beskrev invånarna främst:',
    '',
    ...rng.shuffle(theme.oro).map((o) => `- ${o}`),
    '',
    '## Varför det är viktigt',
    '',
    theme.varfor,
    '',
  ].join('\n'));
  const doc = {
    apiVersion: 'lofte/v1',
    kind: 'Problembild',
    id,
    titel: theme.titel(c),
    lokalpolisomrade: lpo.id,
    kommuner: [km.id],
    faststalld,
    sekretess: intern ? 'intern' : 'offentlig',
    sammanfattning: theme.sammanfattning(c),
    plats: cap(c.plats),
    tid: theme.tid,
    malgrupp: theme.malgrupp,
    beskrivning: !markdown && rng.chance(0.5) ? body : undefined,
    kallor,
  };
  if (intern) {
    doc.intern = {
      underrattelsearende: `Bearbetas i lokalpolisområdets underrättelsegrupp, ärende UG-${lpo.slug.slice(0, 3).toUpperCase()}-${String(fy - 1).slice(2)}-${String(rng.int(1, 999)).padStart(3, '0')}.`,
      bedomning: 'Uppgifterna pekar på en liten grupp personer som står för en stor del av brotten. Orosanmälningar har skickats till socialtjänsten för de yngsta.',
      hantering: 'Underrättelseuppgifterna får inte delas med kommunen utöver det som stämts av i SSPF-gruppen.',
    };
  }
  const name = multi ? `problembild-${km.slug}-${theme.slug}` : `problembild-${theme.slug}`;
  return {
    doc,
    file: (folder, style) =>
      markdown
        ? { path: `${folder}/${name}.md`, kind: 'Problembild', docs: [doc], body, style }
        : { path: `${folder}/${name}.yaml`, kind: 'Problembild', docs: [doc], style },
  };
}

function buildPromise(rng, tpl, problem, problems, taken, from, tom, multi) {
  const { c } = problem;
  let id = multi ? `${tpl.key}-${problem.km.slug}` : tpl.key;
  for (let i = 2; taken.has(id); i++) id = `${tpl.key}-${i}`;
  taken.add(id);
  const n = rng.int(tpl.n[0], tpl.n[1]);
  const weak = rng.chance(0.02);
  const lofte = { id, text: undefined, ansvarig: c.id(tpl.who), problembild: problem.id };
  if (weak) {
    lofte.text = rng.pick(WEAK_PROMISES)({ ...c, lead: tpl.who === 'polis' ? 'Polisen' : c.name(tpl.who) });
  } else {
    lofte.text = tpl.text(c, n);
  }
  // Some promises answer two problem pictures of the same kommun.
  const sibling = problems.find((p) => p !== problem && p.km === problem.km);
  if (sibling && rng.chance(0.15)) lofte.problembild = [problem.id, sibling.id];
  if (rng.chance(0.3)) {
    const others = ['polis', 'kommun', 'civil', 'bostad'].filter((x) => x !== tpl.who);
    lofte.medverkande = rng.shuffle(others).slice(0, rng.int(1, 2)).map((x) => c.id(x));
  }
  if (tpl.kort) {
    const start = addMonths(from, rng.int(0, 3));
    const months = rng.int(4, 9);
    const endDate = addDays(addMonths(start, months), -1);
    const end = endOfMonth(Number(endDate.slice(0, 4)), Number(endDate.slice(5, 7)));
    lofte.tidsram = { from: start, tom: end < tom ? end : tom };
  }
  if (!weak) {
    if (tpl.omf) lofte.omfattning = { antal: n, enhet: tpl.omf, minst: tpl.minst };
    else lofte.frekvens = tpl.minst ? { antal: n, per: tpl.per, minst: true } : { antal: n, per: tpl.per };
  }
  if (rng.chance(0.5)) lofte.plats = cap(c.plats);
  const kadens = tpl.kort ? rng.pick(['periodens_slut', 'halvar']) : rng.weighted([['halvar', 55], ['ar', 15], ['kvartal', 12], ['tertial', 8], ['manad', 5], ['periodens_slut', 5]]);
  lofte.uppfoljning = { metod: tpl.metod, kadens };
  lofte._n = n; // removed before writing: the target, for follow-ups
  lofte._weak = weak;
  return lofte;
}

/** The expected count of a promise over a time frame: omfattning as is, frekvens times periods. */
function targetOf(lofte, frame) {
  if (lofte.omfattning) return lofte.omfattning.antal;
  if (!lofte.frekvens) return lofte._n;
  const days = daysBetween(frame.from, frame.tom) + 1;
  const per = { vecka: 7, manad: 30.44, kvartal: 91.3, ar: 365.25, period: days }[lofte.frekvens.per];
  return Math.max(1, Math.round((lofte.frekvens.antal * days) / per));
}

function buildResultat(rng, lofte, tpl, from, tom, datum) {
  const frame = lofte.tidsram ?? { from, tom };
  const unit = tpl.unit ?? tpl.omf;
  const target = targetOf(lofte, frame);
  const r = { lofte: lofte.id, status: undefined };
  if (frame.from > datum) {
    r.status = 'ej_paborjat';
    r.kommentar = 'Arbetet har inte börjat ännu. Tidsramen för löftet börjar senare under perioden.';
    return r;
  }
  const final = frame.tom <= datum;
  if (!final) {
    const share = Math.min(1, (daysBetween(frame.from, datum) + 1) / (daysBetween(frame.from, frame.tom) + 1));
    r.status = 'pagaende';
    if (tpl.limit || lofte._weak) {
      r.kommentar = !lofte._weak ? `Tidsgränsen på ${w(lofte._n)} ${tpl.omf} har hållits i de flesta ärenden hittills.` : 'Arbetet pågår enligt plan.';
      return r;
    }
    const u = Math.max(0, Math.round(target * share * (0.75 + rng.next() * 0.45)));
    r.utfall = { antal: u };
    r.kommentar = `Hittills under perioden: ${u} ${unit}, av utlovade ${target}.`;
    return r;
  }
  const roll = rng.next();
  if (tpl.limit || lofte._weak) {
    r.status = roll < 0.85 ? 'genomfort' : 'delvis_genomfort';
    r.kommentar = !lofte._weak ? `Tidsgränsen på ${w(lofte._n)} ${tpl.omf} hölls i ${r.status === 'genomfort' ? 'alla' : 'de flesta'} ärenden.` : 'Löftet gick inte att följa upp i siffror.';
    if (r.status !== 'genomfort') r.orsak = rng.pick(ORSAKER);
    return r;
  }
  if (roll < 0.7) {
    const u = Math.round(target * (1 + rng.next() * 0.4));
    Object.assign(r, { status: 'genomfort', utfall: { antal: u }, kommentar: `Löftet är genomfört: ${u} ${unit}, mot utlovade ${target}.` });
  } else if (roll < 0.85) {
    const u = Math.round(target * (0.5 + rng.next() * 0.45));
    Object.assign(r, { status: 'delvis_genomfort', utfall: { antal: u }, kommentar: `${u} av utlovade ${target} ${unit} blev av.`, orsak: rng.pick(ORSAKER) });
  } else if (roll < 0.96) {
    const u = Math.round(target * rng.next() * 0.5);
    Object.assign(r, { status: 'ej_genomfort', utfall: { antal: u }, kommentar: `Bara ${u} av utlovade ${target} ${unit} blev av.`, orsak: rng.pick(ORSAKER) });
  } else {
    Object.assign(r, { status: 'installt', kommentar: 'Insatsen ställdes in under perioden.', orsak: rng.pick(ORSAKER) });
  }
  return r;
}

// ───────────────────────────── planted errors ─────────────────────────────

export const ERROR_TYPES = ['misspelt-key', 'unresolved-reference', 'impossible-date', 'duplicate-key', 'missing-field', 'period-order'];

/** Impossible dates people write: the 30th of February, the 31st of a 30-day month, 29 Feb in a common year. */
function impossibleDate(rng, iso) {
  const y = Number(iso.slice(0, 4));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const options = [`${y}-02-30`, `${y}-04-31`, `${y}-06-31`, `${y}-09-31`, `${y}-11-31`];
  if (!leap) options.push(`${y}-02-29`);
  return rng.pick(options);
}

function renameKey(obj, from, to) {
  const entries = Object.entries(obj).map(([k, v]) => [k === from ? to : k, v]);
  for (const k of Object.keys(obj)) delete obj[k];
  Object.assign(obj, Object.fromEntries(entries));
}

function plantErrors(plan, { errorShare, seed }) {
  const rng = new Rng((seed ^ 0x5eed5eed) >>> 0);
  const candidates = plan.files.filter((f) => f.kind === 'Problembild' || f.kind === 'Medborgarlofte' || f.kind === 'Uppfoljning');
  const count = Math.min(candidates.length, Math.round(errorShare * plan.files.length));
  const targets = rng.shuffle(candidates).slice(0, count);
  const types = rng.shuffle(ERROR_TYPES);
  const planted = targets.map((file, i) => {
    const type = types[i % types.length];
    const detail = plantOne(rng, file, type, plan.ids);
    return { file: file.path, type, detail };
  });
  return planted.sort((a, b) => a.file.localeCompare(b.file));
}

function plantOne(rng, file, type, ids) {
  const doc = file.docs[0];
  const pickItem = (list) => list[rng.int(0, list.length - 1)];
  switch (file.kind) {
    case 'Problembild':
      switch (type) {
        case 'misspelt-key': {
          const [from, to] = rng.pick([['malgrupp', 'malgrup'], ['plats', 'platts'], ['sammanfattning', 'sammanfatning'], ['tid', 'tidpunkt']]);
          renameKey(doc, from, to);
          return `${from} → ${to}`;
        }
        case 'unresolved-reference': {
          const bad = typo(rng, doc.lokalpolisomrade, ids);
          const was = doc.lokalpolisomrade;
          doc.lokalpolisomrade = bad;
          return `lokalpolisomrade ${was} → ${bad}`;
        }
        case 'impossible-date': {
          const src = pickItem(doc.kallor.filter((k) => k.datum));
          const bad = impossibleDate(rng, src.datum);
          src.datum = bad;
          return `kallor datum ${bad}`;
        }
        case 'duplicate-key':
          file.duplicate = { key: 'sekretess', value: doc.sekretess === 'intern' ? 'offentlig' : 'intern', before: 'kallor' };
          return 'sekretess twice';
        case 'missing-field':
          delete doc.sekretess;
          return 'sekretess missing';
        case 'period-order': {
          let src = doc.kallor.find((k) => k.period);
          if (!src) {
            src = doc.kallor[doc.kallor.length - 1];
            delete src.datum;
            src.period = monthsBefore(addDays(doc.faststalld, -60), 12);
          }
          src.period = { from: src.period.tom, tom: src.period.from };
          return `kallor period ${src.period.from}..${src.period.tom}`;
        }
      }
      break;
    case 'Medborgarlofte': {
      const lofte = pickItem(doc.loften);
      switch (type) {
        case 'misspelt-key': {
          const [from, to] = rng.pick([['uppfoljning', 'uppfolning'], ['plats', 'platts'], lofte.omfattning ? ['omfattning', 'omfatning'] : ['frekvens', 'frekevns']]);
          if (!(from in lofte)) {
            renameKey(lofte, 'uppfoljning', 'uppfolning');
            return `loften ${lofte.id}: uppfoljning → uppfolning`;
          }
          renameKey(lofte, from, to);
          return `loften ${lofte.id}: ${from} → ${to}`;
        }
        case 'unresolved-reference': {
          if (rng.chance(0.5)) {
            const was = lofte.ansvarig;
            lofte.ansvarig = typo(rng, was, ids);
            return `loften ${lofte.id}: ansvarig ${was} → ${lofte.ansvarig}`;
          }
          const was = Array.isArray(lofte.problembild) ? lofte.problembild[0] : lofte.problembild;
          const bad = typo(rng, was, ids);
          lofte.problembild = Array.isArray(lofte.problembild) ? [bad, ...lofte.problembild.slice(1)] : bad;
          return `loften ${lofte.id}: problembild ${was} → ${bad}`;
        }
        case 'impossible-date': {
          const bad = impossibleDate(rng, doc.publicering.datum);
          doc.publicering.datum = bad;
          return `publicering datum ${bad}`;
        }
        case 'duplicate-key':
          file.duplicate = { key: 'status', value: doc.status === 'avslutad' ? 'publicerad' : 'beslutad', before: 'loften' };
          return 'status twice';
        case 'missing-field':
          delete lofte.ansvarig;
          return `loften ${lofte.id}: ansvarig missing`;
        case 'period-order': {
          const g = doc.giltighet;
          const start = lofte.tidsram?.from ?? addMonths(g.from, 2);
          const end = lofte.tidsram?.tom ?? addDays(addMonths(g.from, 8), -1);
          const entries = Object.entries(lofte).filter(([k]) => k !== 'tidsram');
          const at = entries.findIndex(([k]) => !['id', 'text', 'ansvarig', 'problembild', 'medverkande'].includes(k));
          entries.splice(at < 0 ? entries.length : at, 0, ['tidsram', { from: end, tom: start }]);
          for (const key of Object.keys(lofte)) delete lofte[key];
          Object.assign(lofte, Object.fromEntries(entries));
          return `loften ${lofte.id}: tidsram ${end}..${start}`;
        }
      }
      break;
    }
    case 'Uppfoljning': {
      const res = pickItem(doc.resultat);
      switch (type) {
        case 'misspelt-key': {
          if (rng.chance(0.5)) {
            renameKey(doc, 'rapportor', 'rapportör');
            return 'rapportor → rapportör';
          }
          renameKey(res, 'kommentar', 'komentar');
          return `resultat ${res.lofte}: kommentar → komentar`;
        }
        case 'unresolved-reference': {
          const was = doc.rapportor;
          doc.rapportor = typo(rng, was, ids);
          return `rapportor ${was} → ${doc.rapportor}`;
        }
        case 'impossible-date': {
          const bad = impossibleDate(rng, doc.datum);
          if (rng.chance(0.5)) {
            doc.datum = bad;
            return `datum ${bad}`;
          }
          doc.period.tom = bad;
          return `period tom ${bad}`;
        }
        case 'duplicate-key':
          file.duplicate = { key: 'datum', value: addDays(doc.datum, 14), before: 'resultat' };
          return 'datum twice';
        case 'missing-field':
          delete res.status;
          return `resultat ${res.lofte}: status missing`;
        case 'period-order': {
          doc.period = { from: doc.period.tom, tom: doc.period.from };
          if (doc.period.from === doc.period.tom) doc.period.tom = addDays(doc.period.from, -180);
          return `period ${doc.period.from}..${doc.period.tom}`;
        }
      }
      break;
    }
  }
  throw new Error(`generator bug: cannot plant ${type} in ${file.kind}`);
}

// ───────────────────────────── serialisation ─────────────────────────────

/** Drops the generator's private fields (`_n`, `_weak`) and undefined values. */
function clean(value) {
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) if (!k.startsWith('_') && v !== undefined) out[k] = clean(v);
    return out;
  }
  return value;
}

function serialize(file) {
  if (file.raw !== undefined) return file.raw;
  const style = file.style ?? { flowMaps: false, flowLists: false };
  const parts = file.docs.map((doc, i) => {
    const lines = emitDocument(clean(doc), style);
    if (i === 0 && file.duplicate) {
      const { key, value, before } = file.duplicate;
      const at = lines.findIndex((l) => l.startsWith(`${before}:`));
      lines.splice(at < 0 ? lines.length : at, 0, `${key}: ${inlineScalar(value)}`);
    }
    return lines.join('\n');
  });
  if (file.body !== undefined) return `---\n${parts[0]}\n---\n${file.body}`;
  const head = file.comment ? `# ${file.comment}\n` : '';
  return `${head}${parts.join('\n---\n')}\n`;
}

// ───────────────────────────── CLI ─────────────────────────────

function main(argv) {
  const [dir, filesArg, shareArg, seedArg] = argv;
  if (!dir || !filesArg) {
    process.stderr.write('usage: node bench/generate.js <dir> <files> [errorShare=0.05] [seed=1]\n');
    return 2;
  }
  const files = Number(filesArg);
  const errorShare = shareArg === undefined ? 0.05 : Number(shareArg);
  const seed = seedArg === undefined ? 1 : Number(seedArg);
  const t0 = process.hrtime.bigint();
  const s = generateCorpus(path.resolve(dir), { files, errorShare, seed });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const byType = {};
  for (const e of s.errors) byType[e.type] = (byType[e.type] ?? 0) + 1;
  process.stdout.write(
    `Wrote ${s.files} files (${s.documents} documents: ${Object.entries(s.byKind).map(([k, n]) => `${n} ${k}`).join(', ')}) to ${dir} in ${secs.toFixed(2)} s\n` +
      `${s.kommuner} kommuner, ${s.lokalpolisomraden} lokalpolisområden, seed ${seed}; ${s.errors.length} files with a planted error` +
      (s.errors.length ? ` (${Object.entries(byType).map(([k, n]) => `${k} ${n}`).join(', ')})` : '') +
      `; manifest in ${MANIFEST}\n`,
  );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`generate: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
