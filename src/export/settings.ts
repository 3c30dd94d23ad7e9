// What the open data says about who publishes it and where: from `oppna_data` in lofte.config.yaml.

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

export function openDataSettings(raw: { webbplats?: string; utgivare?: { namn: string; url?: string }; kontakt?: { namn: string; epost: string }; licens?: string } = {}): OpenDataSettings {
  const licens = raw.licens ?? CC0;
  const webbplats = raw.webbplats === undefined ? undefined : raw.webbplats.endsWith('/') ? raw.webbplats : `${raw.webbplats}/`;
  return { webbplats, utgivare: raw.utgivare, kontakt: raw.kontakt, licens, licensNamn: licenceName(licens) };
}
