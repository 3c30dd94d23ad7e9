// Real-browser testing for reports: Debian's chromium through playwright-core, a static server on
// loopback, and helpers to list a site's pages. Without chromium the tests skip loudly; in CI they fail.

import { existsSync, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env['LOFTE_CHROMIUM'] ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

if (!HAVE_CHROMIUM) {
  const notice = `\n*** lofte browser tests: no chromium at ${CHROMIUM}; install it with 'apt-get install chromium' ***\n`;
  if (process.env['CI']) throw new Error(`${notice}CI must run the browser tests.`);
  process.stderr.write(`${notice}*** the browser tests are SKIPPED on this machine ***\n\n`);
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a folder on 127.0.0.1 (a random port), the way a coordinator's web server would. */
export async function serve(root: string): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(root, pathname);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file)
      .then((body) => {
        const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream';
        res.writeHead(200, { 'content-type': type }).end(body);
      })
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function htmlPages(root: string, dir = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !entry.name.startsWith('.')) out.push(...(await htmlPages(root, rel)));
    else if (entry.name.endsWith('.html')) out.push(rel);
  }
  return out.sort();
}
