// lofte report in a real browser: accessible (axe, WCAG 2.1 A/AA), self-contained (no requests),
// links that work from a web server and a file system, nothing from the data runs, printable.

import { existsSync, mkdtempSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';
import { HAVE_CHROMIUM, htmlPages, launch, serve, type StaticServer } from './harness.js';

const AXE = readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const MERMAID = path.join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
const SITES = { parken: 'examples/parken', blekinge: 'examples/vastra-blekinge', xss: 'test/fixtures/report-xss', states: 'test/fixtures/report-states', site: 'test/fixtures/report-site' } as const;
/** Extra flags per site: the publisher's config for the accessibility statement. */
const FLAGS: Partial<Record<keyof typeof SITES, string[]>> = { site: ['--config', 'test/fixtures/report-site/lofte.config.yaml'] };
/** Every page kind of every example and fixture a citizen would read. */
const READABLE = ['parken', 'blekinge', 'states', 'site'] as const;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const OUT = mkdtempSync(path.join(os.tmpdir(), 'lofte-browser-'));
/** Screenshots and PDF prints of each page kind, kept for a person to look at. */
export const ARTIFACTS = path.join(ROOT, 'test-output', 'browser');

let browser: Browser;
let server: StaticServer;

describe.skipIf(!HAVE_CHROMIUM)('report pages in chromium', () => {
  beforeAll(async () => {
    for (const [name, src] of Object.entries(SITES)) {
      const r = await runCli(['report', src, '--out', path.join(OUT, name), '--as-of', '2026-11-24', ...(FLAGS[name as keyof typeof SITES] ?? [])]);
      expect(r.code, r.stderr).toBe(0);
    }
    await fs.mkdir(ARTIFACTS, { recursive: true });
    browser = await launch();
    server = await serve(OUT);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(url: string, options: { width?: number; colorScheme?: 'light' | 'dark'; forcedColors?: 'active' | 'none' } = {}): Promise<{ page: Page; requests: string[]; dialogs: string[]; errors: string[] }> {
    // bypassCSP: the pages' own CSP would also stop a payload; these tests prove the escaping alone does.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: options.width ?? 1100, height: 900 }, colorScheme: options.colorScheme ?? 'light', forcedColors: options.forcedColors ?? 'none' });
    const page = await context.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, dialogs, errors };
  }

  async function axe(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: AXE });
    const result = (await page.evaluate(
      (tags) =>
        (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<unknown> } }).axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        }),
      AXE_TAGS,
    )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
    return result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  for (const site of READABLE) {
    it(`${site}: every page passes axe (WCAG 2.1 A/AA and 2.2 AA), light and dark, and makes no request`, async () => {
      const pages = await htmlPages(path.join(OUT, site));
      expect(pages.length).toBeGreaterThanOrEqual(4);
      for (const rel of pages) {
        const url = `${server.url}/${site}/${rel}`;
        const { page, requests, errors } = await open(url);
        // JSON-LD blocks are data, not scripts that run: every other script element is one too many.
        const outline = await page.evaluate(() => ({ lang: document.documentElement.lang, h1: document.querySelectorAll('h1').length, scripts: [...document.scripts].filter((x) => x.type !== 'application/ld+json').length }));
        expect(outline, rel).toEqual({ lang: 'sv', h1: 1, scripts: 0 });
        expect((await axe(page)).map((v) => `${rel}: ${v}`)).toEqual([]);
        expect(requests.filter((r) => r !== url)).toEqual([]);
        expect(errors).toEqual([]);
        await page.context().close();
        const dark = await open(url, { colorScheme: 'dark' });
        expect((await axe(dark.page)).map((v) => `${rel} (dark): ${v}`)).toEqual([]);
        await dark.page.context().close();
      }
    }, 240_000);

    it(`${site}: no page scrolls sideways at 320 and 640 CSS px (400 % and 200 % zoom), and no link text is an id`, async () => {
      for (const rel of await htmlPages(path.join(OUT, site))) {
        for (const width of [320, 640]) {
          const { page } = await open(`${server.url}/${site}/${rel}`, { width });
          const layout = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth - window.innerWidth,
            // Whatever overflows its box must be inside a labelled, focusable scrolling region.
            unboxed: [...document.querySelectorAll('main *, footer *')]
              .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('[role="region"][tabindex="0"][aria-label]'))
              .map((el) => el.tagName + (el.className ? `.${String(el.className)}` : ''))
              .slice(0, 5),
          }));
          expect(layout, `${rel} at ${width} px`).toEqual({ scroll: 0, unboxed: [] });
          if (width === 320) {
            const links = await page.$$eval('a', (as) => as.map((a) => (a as HTMLElement).innerText.trim()));
            expect(links.filter((t) => /^[a-z0-9]+(-[a-z0-9]+)+$/.test(t)), rel).toEqual([]);
            // Body text is at least 12 px everywhere on a phone, charts included unless they scroll in their own box.
            const small = await page.evaluate(() =>
              [...document.querySelectorAll('main *')]
                .filter((el) => el.childNodes.length > 0 && [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== ''))
                .filter((el) => parseFloat(getComputedStyle(el).fontSize) < 12 && !el.closest('svg'))
                .map((el) => el.tagName),
            );
            expect(small, rel).toEqual([]);
          }
          await page.context().close();
        }
      }
    }, 240_000);

    it(`${site}: every link works from a web server and from the file system`, async () => {
      const root = path.join(OUT, site);
      for (const rel of await htmlPages(root)) {
        const { page } = await open(`${server.url}/${site}/${rel}`);
        const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
        await page.context().close();
        for (const href of hrefs.filter((h) => !/^(https?:|mailto:)/.test(h))) {
          const [file = '', anchor] = href.split('#');
          const target = file === '' ? path.join(root, rel) : path.resolve(path.dirname(path.join(root, rel)), file);
          expect(existsSync(target), `${rel} → ${href}`).toBe(true);
          const res = await fetch(new URL(href, `${server.url}/${site}/${rel}`));
          expect(res.status, `${rel} → ${href}`).toBe(200);
          if (anchor) expect(readFileSync(target, 'utf8'), `${rel} → ${href}`).toContain(`id="${anchor}"`);
        }
      }
    }, 120_000);
  }

  it('opens from the file system too, with the content a reader expects', async () => {
    const { page } = await open(pathToFileURL(path.join(OUT, 'parken', 'medborgarloften', 'laxa-medborgarloften-2026-2027.html')).href);
    const text = await page.innerText('main');
    for (const expected of ['Problemet', 'Det här lovar vi', 'Lokalpolisområde Hallsberg lovar', 'Laxå kommun lovar', 'Så följer vi upp', 'Underskrifter']) expect(text).toContain(expected);
    await page.click('a[href="../uppfoljning.html"]');
    expect(await page.innerText('h1')).toBe('Uppföljning av medborgarlöftena');
    await page.context().close();
  });

  /** PDF pages: each page object of the file. */
  const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

  it('takes screenshots at 320, 768 and 1280 px and an A4 PDF print of each page kind; the prints waste no pages', async () => {
    const kinds = {
      index: 'index.html',
      uppfoljning: 'uppfoljning.html',
      aktorer: 'aktorer.html',
      tillganglighet: 'tillganglighet.html',
      medborgarlofte: 'medborgarloften/karlshamn-olofstrom-2026-2027.html',
    };
    // The most A4 pages each may take (measured, with a little room): a 4-row table once took 5.
    // The index's open data section pushes its footer onto a second A4 page.
    const maxPages: Record<keyof typeof kinds, number> = { index: 2, uppfoljning: 5, aktorer: 6, tillganglighet: 2, medborgarlofte: 12 };
    for (const [kind, rel] of Object.entries(kinds) as [keyof typeof kinds, string][]) {
      for (const width of [320, 768, 1280]) {
        const { page } = await open(`${server.url}/blekinge/${rel}`, { width });
        const png = path.join(ARTIFACTS, `${kind}-${width}.png`);
        await page.screenshot({ path: png, fullPage: true });
        expect((await fs.stat(png)).size).toBeGreaterThan(10_000);
        if (width === 1280) {
          const pdf = path.join(ARTIFACTS, `${kind}.pdf`);
          await page.emulateMedia({ media: 'print' });
          await page.pdf({ path: pdf, format: 'A4', printBackground: true });
          // Print hides the navigation, and a link whose text is its address is printed once.
          expect(await page.isVisible('header nav')).toBe(false);
          const doubled = await page.$$eval('main a[href^="http"]', (as) => as.filter((a) => getComputedStyle(a, '::after').content.includes(a.getAttribute('href') ?? '') && a.textContent === a.getAttribute('href')).length);
          expect(doubled, kind).toBe(0);
          const bytes = await fs.readFile(pdf);
          expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
          const n = pdfPages(bytes);
          expect(n, kind).toBeGreaterThanOrEqual(1);
          expect(n, kind).toBeLessThanOrEqual(maxPages[kind]);
        }
        await page.context().close();
      }
    }
  }, 180_000);

  it('prints a running title, the date and page numbers, and keeps headings with what follows', async () => {
    const { page } = await open(`${server.url}/blekinge/medborgarloften/karlshamn-olofstrom-2026-2027.html`);
    const css = await page.$eval('style', (s) => s.textContent ?? '');
    expect(css).toContain('@top-left { content: "Medborgarlöften för Karlshamn och Olofström 2026–2027"; }');
    expect(css).toContain('@bottom-left { content: "Senast uppdaterad 24 november 2026"; }');
    expect(css).toContain('counter(page) " av " counter(pages)');
    await page.emulateMedia({ media: 'print' });
    const after = await page.$$eval('h2, h3, h4', (hs) => [...new Set(hs.map((h) => getComputedStyle(h).breakAfter))]);
    expect(after).toEqual(['avoid']);
    await page.context().close();
  }, 60_000);

  it('opens each medborgarlöfte page with its verdict, shows the late state and every follow-up', async () => {
    const { page } = await open(`${server.url}/states/medborgarloften/alvby-2026.html`, { width: 320 });
    // The verdict is the first thing after the title, on the first screen of a phone.
    const first = await page.$eval('h1 + *', (el) => ({ cls: el.className, text: (el as HTMLElement).innerText, bottom: el.getBoundingClientRect().bottom }));
    expect(first.cls).toBe('verdict');
    expect(first.text).toBe('1 försenat · 1 kan inte bedömas · senast uppföljt 15 oktober 2026');
    expect(first.bottom).toBeLessThan(900);
    const kameror = page.locator('h4', { hasText: 'fyra kameror' });
    const box = page.locator('h4:has-text("fyra kameror") + dl.outcome');
    expect(await box.innerText()).toMatch(/Lovat\s+4 kameror, klart senast 30 september 2026\s+Gjort hittills\s+3 av 4 \(15 oktober 2026\)\s+Läge\s+Försenat – skulle vara klart 30 september 2026/);
    expect(await kameror.count()).toBe(1);
    const history = await page.$$eval('ol.history', (ols) => ols.map((ol) => [...ol.querySelectorAll('li')].map((li) => (li as HTMLElement).innerText)));
    expect(history).toEqual([
      ['30 juni 2026: Pågår. Utfall: 6.', '15 oktober 2026: Kan inte bedömas. Orsak: Protokollen från sommaren har inte kommit in. Belägg: Kommunens protokoll från vandringarna.'],
      ['30 juni 2026: Pågår. Utfall: 2. Två kameror är uppsatta.', '15 oktober 2026: Pågår. Utfall: 3. Den fjärde kameran väntar på bygglov.'],
    ]);
    await page.context().close();
    for (const rel of (await htmlPages(path.join(OUT, 'blekinge'))).filter((r) => r.startsWith('medborgarloften/'))) {
      const { page: p } = await open(`${server.url}/blekinge/${rel}`);
      expect(await p.$eval('h1 + *', (el) => el.className), rel).toBe('verdict');
      await p.context().close();
    }
  }, 60_000);

  it('has an accessibility statement reached from every page', async () => {
    const { page } = await open(`${server.url}/site/index.html`);
    await page.click('footer a:has-text("Tillgänglighetsredogörelse")');
    expect(await page.innerText('h1')).toBe('Tillgänglighetsredogörelse');
    const headings = await page.$$eval('h2, h3', (hs) => hs.map((h) => (h as HTMLElement).innerText));
    expect(headings).toEqual([
      'Hur tillgänglig är webbplatsen?',
      'Vad kan du göra om du inte kan använda delar av webbplatsen?',
      'Rapportera brister i webbplatsens tillgänglighet',
      'Tillsyn',
      'Teknisk information om webbplatsens tillgänglighet',
      'Innehåll som inte är tillgängligt',
      'Hur vi testat webbplatsen',
    ]);
    expect(await page.innerText('main')).toContain('Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service');
    await page.context().close();
  });

  it('keeps chart text legible in forced colours and dark mode', async () => {
    for (const options of [{ forcedColors: 'active' as const, colorScheme: 'dark' as const }, { colorScheme: 'dark' as const }]) {
      const { page } = await open(`${server.url}/blekinge/medborgarloften/karlshamn-olofstrom-2026-2027.html`, options);
      const colours = await page.evaluate(() => ({
        text: [...new Set([...document.querySelectorAll('.chart svg text')].map((t) => getComputedStyle(t).fill))],
        bg: getComputedStyle(document.body).backgroundColor,
      }));
      expect(colours.text.length, JSON.stringify(options)).toBe(1);
      expect(colours.text[0], JSON.stringify(options)).not.toBe(colours.bg);
      const lum = (c: string): number => {
        const [r = 0, g = 0, b = 0] = (c.match(/\d+/g) ?? []).map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      expect(Math.abs(lum(colours.text[0] ?? '') - lum(colours.bg)), JSON.stringify(colours)).toBeGreaterThan(120);
      await page.context().close();
    }
  }, 60_000);

  it('runs none of the XSS payloads in the data, even with CSP bypassed', async () => {
    for (const rel of await htmlPages(path.join(OUT, 'xss'))) {
      const { page, dialogs, requests, errors } = await open(`${server.url}/xss/${rel}`);
      // Hover and focus everything a payload might hook into.
      for (const el of await page.$$('main :is(a, p, dd, td, li, h2, h3, h4, div)')) await el.hover({ timeout: 200 }).catch(() => undefined);
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        scripts: [...document.scripts].filter((x) => x.type !== 'application/ld+json').length,
        jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].every((x) => {
          try {
            return typeof JSON.parse(x.textContent ?? '') === 'object';
          } catch {
            return false;
          }
        }),
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}@${a.name}`)),
        badLinks: [...document.querySelectorAll('[href],[src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '').filter((u) => !/^(https?:|mailto:|#|\.\.?\/|[a-z0-9-]+(\/[a-z0-9-]+)*(\.schema)?\.(html|json|jsonld|csv|xml|rdf))/i.test(u)),
        iframes: document.querySelectorAll('iframe, object, embed').length,
      }));
      expect(state, rel).toEqual({ pwned: null, scripts: 0, jsonLd: true, handlers: [], badLinks: [], iframes: 0 });
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests.filter((r) => !r.startsWith(`${server.url}/xss/`))).toEqual([]);
      await page.context().close();
    }
  }, 120_000);

  it('reads the JSON-LD under the pages\' own Content-Security-Policy, which reports nothing, and still stops a script', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const csp: string[] = [];
    page.on('console', (m) => void (m.text().includes('Content Security Policy') && csp.push(m.text())));
    await page.goto(`${server.url}/blekinge/medborgarloften/karlshamn-olofstrom-2026-2027.html`, { waitUntil: 'load' });
    const actions = await page.evaluate(() => {
      const block = document.querySelector('script[type="application/ld+json"]');
      const data = JSON.parse(block?.textContent ?? '{}') as { '@graph'?: { '@type': string }[] };
      return (data['@graph'] ?? []).map((a) => a['@type']);
    });
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['Action']));
    expect(await page.$eval('link[rel="alternate"][type="application/atom+xml"]', (l) => l.getAttribute('href'))).toBe('../data/atom.xml');
    expect(csp).toEqual([]);
    // The policy is in force: a script that would run is refused, and said so.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.head.append(s);
    });
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran ?? false)).toBe(false);
    expect(csp.length).toBeGreaterThan(0);
    await context.close();
  }, 60_000);

  it('lofte links --format mermaid parses with mermaid itself', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID });
    for (const src of ['examples/parken', 'examples/vastra-blekinge', 'test/fixtures/warnings']) {
      const r = await runCli(['links', src, '--format', 'mermaid']);
      const verdict = await page.evaluate(async (text) => {
        const m = (window as unknown as { mermaid: { parse(t: string): Promise<unknown> } }).mermaid;
        try {
          await m.parse(text);
          return 'ok';
        } catch (e) {
          return String(e);
        }
      }, r.stdout);
      expect(verdict, src).toBe('ok');
    }
    // And the check can fail: broken syntax is rejected.
    const broken = await page.evaluate(async () => {
      const m = (window as unknown as { mermaid: { parse(t: string): Promise<unknown> } }).mermaid;
      return m.parse('flowchart LR\n  a["x" y"] -->').then(() => 'ok', () => 'rejected');
    });
    expect(broken).toBe('rejected');
    await context.close();
  }, 60_000);
});
