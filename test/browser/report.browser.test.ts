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
const SITES = { parken: 'examples/parken', blekinge: 'examples/vastra-blekinge', xss: 'test/fixtures/report-xss' } as const;
const OUT = mkdtempSync(path.join(os.tmpdir(), 'lofte-browser-'));
/** Screenshots and PDF prints of each page kind, kept for a person to look at. */
export const ARTIFACTS = path.join(ROOT, 'test-output', 'browser');

let browser: Browser;
let server: StaticServer;

describe.skipIf(!HAVE_CHROMIUM)('report pages in chromium', () => {
  beforeAll(async () => {
    for (const [name, src] of Object.entries(SITES)) {
      const r = await runCli(['report', src, '--out', path.join(OUT, name), '--as-of', '2026-11-24']);
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

  async function open(url: string): Promise<{ page: Page; requests: string[]; dialogs: string[]; errors: string[] }> {
    // bypassCSP: the pages' own CSP would also stop a payload; these tests prove the escaping alone does.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 900 } });
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

  for (const site of ['parken', 'blekinge'] as const) {
    it(`${site}: every page passes axe (WCAG 2.1 A/AA) and makes no request`, async () => {
      const pages = await htmlPages(path.join(OUT, site));
      expect(pages.length).toBeGreaterThanOrEqual(4);
      for (const rel of pages) {
        const url = `${server.url}/${site}/${rel}`;
        const { page, requests, errors } = await open(url);
        // JSON-LD blocks are data, not scripts that run: every other script element is one too many.
        const outline = await page.evaluate(() => ({ lang: document.documentElement.lang, h1: document.querySelectorAll('h1').length, scripts: [...document.scripts].filter((x) => x.type !== 'application/ld+json').length }));
        expect(outline, rel).toEqual({ lang: 'sv', h1: 1, scripts: 0 });
        await page.addScriptTag({ content: AXE });
        const result = (await page.evaluate(() =>
          (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<unknown> } }).axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          }),
        )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
        expect(result.violations.map((v) => `${rel}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        expect(requests.filter((r) => r !== url)).toEqual([]);
        expect(errors).toEqual([]);
        await page.context().close();
      }
    }, 120_000);

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

  it('takes a screenshot and an A4 PDF print of each page kind', async () => {
    const kinds = { index: 'index.html', uppfoljning: 'uppfoljning.html', aktorer: 'aktorer.html', medborgarlofte: 'medborgarloften/karlshamn-olofstrom-2026-2027.html' };
    for (const [kind, rel] of Object.entries(kinds)) {
      const { page } = await open(`${server.url}/blekinge/${rel}`);
      const png = path.join(ARTIFACTS, `${kind}.png`);
      const pdf = path.join(ARTIFACTS, `${kind}.pdf`);
      await page.screenshot({ path: png, fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      // Print hides the navigation.
      expect(await page.isVisible('header nav')).toBe(false);
      expect((await fs.stat(png)).size).toBeGreaterThan(10_000);
      const head = (await fs.readFile(pdf)).subarray(0, 5).toString();
      expect(head).toBe('%PDF-');
      await page.context().close();
    }
  }, 120_000);

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
