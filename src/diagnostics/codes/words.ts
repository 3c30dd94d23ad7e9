// Wording shared by several codes: document kinds, "did you mean", lists of ids.

import { code, join, t, type Message } from '../parts.js';

/** A document kind (and actor type) as Swedish prose: "en problembild", "en aktör med typ polis". */
export function kindSv(kind: string, typ: string | undefined): string {
  if (typ === 'kommun') return 'en kommun (Aktor med typ kommun)';
  if (typ === 'lokalpolisomrade') return 'ett lokalpolisområde (Aktor med typ lokalpolisomrade)';
  switch (kind) {
    case 'Aktor':
      return typ ? `en aktör med typ ${typ}` : 'en aktör';
    case 'Problembild':
      return 'en problembild';
    case 'Medborgarlofte':
      return 'ett medborgarlöfte';
    case 'Uppfoljning':
      return 'en uppföljning';
    default:
      return `ett dokument av sorten ${kind}`;
  }
}

const KINDS_EN: Readonly<Record<string, string>> = { Aktor: 'an actor', Problembild: 'a problem picture', Medborgarlofte: 'a citizen promise document', Uppfoljning: 'a follow-up' };

export function kindEn(kind: string, typ: string | undefined): string {
  if (typ === 'kommun') return 'a municipality (Aktor with typ kommun)';
  if (typ === 'lokalpolisomrade') return 'a local police area (Aktor with typ lokalpolisomrade)';
  return KINDS_EN[kind] ?? `a ${kind} document`;
}

/** "`a`, `b`" — ids or names as code, separated by commas. */
export const codes = (names: readonly string[], separator = ', '): Message => join(names.map(code), separator);

export const didYouMeanSv = (names: readonly string[] | undefined): Message | undefined =>
  names === undefined || names.length === 0 ? undefined : t`Menade du ${codes(names, ' eller ')}?`;

export const didYouMeanEn = (names: readonly string[] | undefined): Message | undefined =>
  names === undefined || names.length === 0 ? undefined : t`Did you mean ${codes(names, ' or ')}?`;

/** Messages joined by a space, leaving out the missing ones; undefined when none is left. */
export function sentences(...parts: (Message | undefined)[]): Message | undefined {
  const kept = parts.filter((p): p is Message => p !== undefined && p.length > 0);
  return kept.length > 0 ? join(kept, ' ') : undefined;
}
