// What the open data says about who publishes it, where, and under which licence.

import type { OpenDataConfig, SiteConfig } from '../config/index.js';

export const CC0 = 'http://creativecommons.org/publicdomain/zero/1.0/';

/** Licences dataportal.se knows, by the exact URI it expects (http, trailing slash). */
const KNOWN_LICENCES: Readonly<Record<string, string>> = {
  [CC0]: 'CC0 1.0',
  'http://creativecommons.org/licenses/by/4.0/': 'CC BY 4.0',
  'http://creativecommons.org/licenses/by-sa/4.0/': 'CC BY-SA 4.0',
};

export interface OpenDataSettings {
  /** The site's public address (where index.html is); the data is at `<webbplats>data/`. */
  webbplats?: string;
  utgivare?: { namn: string; url?: string };
  kontakt?: { namn: string; epost: string };
  licens: string;
  licensNamn: string;
}

export function licenceName(uri: string): string {
  return KNOWN_LICENCES[uri] ?? uri;
}

/**
 * The open data's settings from lofte.config.yaml: the site's address, publisher and contact from
 * `webbplats` (the pages show the same), the licence and what dataportal.se needs beyond that from
 * `oppna_data`.
 */
export function openDataSettings(site: SiteConfig, openData: OpenDataConfig): OpenDataSettings {
  const licens = openData.licens ?? CC0;
  const webbplats = site.adress === undefined ? undefined : site.adress.endsWith('/') ? site.adress : `${site.adress}/`;
  const utgivare = site.utgivare === undefined ? undefined : { namn: site.utgivare, url: openData.utgivare_id };
  const epost = site.kontakt?.epost;
  const kontakt = openData.kontakt ?? (epost && site.utgivare ? { namn: site.utgivare, epost } : undefined);
  return { webbplats, utgivare, kontakt, licens, licensNamn: licenceName(licens) };
}
