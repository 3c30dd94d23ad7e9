// The accessibility statement (tillgänglighetsredogörelse) that DOS-lagen asks of public-sector
// sites, in the parts Digg's model statement has: who publishes, how compliant the site is and
// why not, how to get content another way and report a problem, the enforcement procedure, and
// how and when it was assessed. Built from `webbplats` in lofte.config.yaml, with honest defaults.

import { h, p, type Block, type Page } from '../doc.js';
import type { ReportModel } from '../model.js';
import { contactInlines, contactLine, pageFooter, publisherName, STATEMENT } from './footer.js';
import { longDate } from './words.js';

const DIGG = 'https://www.digg.se/tdosanmalan';

const COMPLIANCE = {
  helt: 'helt förenlig',
  delvis: 'delvis förenlig',
  inte: 'inte förenlig',
} as const;

export function statementPage(model: ReportModel): Page {
  const site = model.site;
  const t = site.tillganglighet ?? {};
  const who = publisherName(model);
  const level = t.efterlevnad ?? 'delvis';
  const blocks: Block[] = [];
  blocks.push(
    p(`${who} står bakom den här webbplatsen${site.adress ? ` (${site.adress})` : ''} om medborgarlöften. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service, vilka kända brister den har och hur du kan rapportera brister till oss så att vi kan åtgärda dem.`),
  );

  blocks.push(h(2, 'Hur tillgänglig är webbplatsen?', 'efterlevnad'));
  blocks.push(p(`Webbplatsen är ${COMPLIANCE[level]} med lagen om tillgänglighet till digital offentlig service${level === 'helt' ? '.' : ', på grund av de brister som beskrivs nedan.'}`));

  const contact = contactLine(model, model.documents);
  blocks.push(h(2, 'Vad kan du göra om du inte kan använda delar av webbplatsen?', 'annat-format'));
  blocks.push(p('Om du behöver innehållet i ett annat format, till exempel uppläst, i punktskrift eller som lättläst text, kan du kontakta oss.'));
  if (contact) blocks.push(p('Kontakt: ', ...contact, '.'));

  const r = t.rapportera;
  const report = r && (r.epost || r.telefon || r.webbadress) ? contactInlines(r.epost, r.telefon, r.webbadress) : contact;
  blocks.push(h(2, 'Rapportera brister i webbplatsens tillgänglighet', 'rapportera'));
  blocks.push(p('Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns.'));
  if (report) blocks.push(p('Rapportera till: ', ...report, '.'));
  blocks.push(p(t.svarstid ? `Du får svar ${t.svarstid}.` : 'Vi svarar så snart vi kan.'));

  blocks.push(h(2, 'Tillsyn', 'tillsyn'));
  blocks.push(
    p(
      'Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du ',
      { text: 'anmäla det till Digg', href: DIGG },
      '.',
    ),
  );

  blocks.push(h(2, 'Teknisk information om webbplatsens tillgänglighet', 'teknisk-information'));
  blocks.push(p(`Webbplatsen är ${COMPLIANCE[level]} med lagen om tillgänglighet till digital offentlig service, som hänvisar till standarden EN 301 549 och kraven i WCAG 2.1 på nivå AA.`));

  blocks.push(h(3, 'Innehåll som inte är tillgängligt', 'brister'));
  const brister = t.kanda_brister ?? [];
  if (brister.length > 0) blocks.push({ kind: 'list', items: brister.map((b) => [p(b)]) });
  else blocks.push(p(level === 'helt' ? 'Vi känner inte till något innehåll som inte är tillgängligt.' : 'Utgivaren har inte beskrivit bristerna här än. Kontakta oss om något inte fungerar för dig.'));

  blocks.push(h(2, 'Hur vi testat webbplatsen', 'bedomning'));
  const b = t.bedomning;
  blocks.push(
    p(
      b?.datum
        ? `Vi har gjort ${b.metod === 'extern' ? 'en extern granskning' : 'en självskattning (intern testning)'} av webbplatsen den ${longDate(b.datum)}.`
        : 'Utgivaren har inte angett när webbplatsen senast granskades.',
      ' Verktyget som skapar sidorna (lofte) testas automatiskt i webbläsaren Chromium: med axe mot WCAG 2.1 och 2.2 på nivå AA, och för att sidorna går att läsa utan att rulla i sidled i 320 pixlars bredd. Texterna i medborgarlöftena skriver vi själva.',
    ),
  );
  blocks.push(p(`Sidorna uppdaterades senast den ${longDate(model.asOf)}.${t.granskad ? ` Redogörelsen granskades senast den ${longDate(t.granskad)}.` : ''}`));

  return { id: STATEMENT, title: 'Tillgänglighetsredogörelse', blocks, footer: pageFooter(model, STATEMENT) };
}
