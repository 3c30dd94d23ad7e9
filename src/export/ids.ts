// Stable identifiers and URLs for the data files: the same content always gets the same id.

import { createHash } from 'node:crypto';

/** lofte's own namespace for name-based UUIDs (RFC 4122 version 5). */
const NAMESPACE = Buffer.from('5d0c1e57-6a3f-4f0e-9b47-1c2f6b3a8e10'.replace(/-/g, ''), 'hex');

/** A version 5 UUID of a name in lofte's namespace, as a urn:uuid IRI. */
export function uuidUrn(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Where a site path is published: absolute under the configured site address, else relative to `from`. */
export function siteUrl(base: string | undefined, sitePath: string, from = ''): string {
  if (base) return new URL(sitePath, base.endsWith('/') ? base : `${base}/`).href;
  const depth = from === '' ? 0 : from.split('/').length - 1;
  return `${'../'.repeat(depth)}${sitePath}`;
}

/** A date as an RFC 3339 date-time at the start of the day, UTC: the data has days, not times. */
export const dateTime = (date: string): string => `${date}T00:00:00Z`;
