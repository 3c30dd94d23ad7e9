// Structured data in the pages: each promise as a schema.org Action, in a JSON-LD block that is
// data, never run, and cannot end its <script> element early.

import { siteUrl } from './ids.js';
import type { ActorData, DocumentData, PromiseData } from './open-data.js';

const STATUS: Readonly<Record<string, string>> = {
  ej_paborjat: 'PotentialActionStatus',
  pagaende: 'ActiveActionStatus',
  // Late: not done by its deadline, and not closed either: still under way.
  forsenat: 'ActiveActionStatus',
  genomfort: 'CompletedActionStatus',
  delvis_genomfort: 'FailedActionStatus',
  ej_genomfort: 'FailedActionStatus',
  installt: 'FailedActionStatus',
};

/**
 * schema.org's status of a promise, from its state (src/report/state.ts). Without a judgement (not
 * followed up, or could not be judged) the time frame says as much as is known: not begun yet, or
 * under way; after its deadline nothing is claimed.
 */
function actionStatus(l: PromiseData, asOf: string): string | undefined {
  const known = STATUS[l.lage.status];
  if (known) return `https://schema.org/${known}`;
  if (l.tidsram.from > asOf) return 'https://schema.org/PotentialActionStatus';
  if (!l.lage.tidsgrans_passerad) return 'https://schema.org/ActiveActionStatus';
  return undefined;
}

const organization = (a: ActorData): Record<string, string> => ({ '@type': a.typ === 'lokalpolisomrade' || a.typ === 'kommun' || a.typ === 'myndighet' || a.typ === 'region' ? 'GovernmentOrganization' : 'Organization', name: a.namn });

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/** JSON text safe inside <script>: no `<`, `>` or `&` (so no `</script>` and no `<!--`), no line separators. */
export function scriptSafeJson(value: unknown): string {
  // One pass, each such character as its \u escape (JSON.stringify leaves them as they are).
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function promiseActions(d: DocumentData, asOf: string, base: string | undefined): string {
  const page = siteUrl(base, d.sida);
  const problems = new Map(d.problembilder.map((p) => [p.id, p]));
  const graph = d.loften.map((l) => {
    const status = actionStatus(l, asOf);
    const objects = l.problembilder.map((id) => problems.get(id)).filter((p) => p !== undefined);
    return {
      '@type': 'Action',
      '@id': `${base ? page : ''}#lofte-${l.id}`,
      name: l.text,
      agent: l.ansvariga.map(organization),
      ...(l.medverkande.length > 0 ? { participant: l.medverkande.map(organization) } : {}),
      ...(objects.length > 0 ? { object: objects.map((p) => ({ '@type': 'Thing', name: p.titel, description: p.sammanfattning })) } : {}),
      ...(status ? { actionStatus: status } : {}),
      startTime: l.tidsram.from,
      endTime: l.lage.tidsgrans,
      ...(l.plats ? { location: { '@type': 'Place', name: l.plats } } : {}),
    };
  });
  return scriptSafeJson({ '@context': 'https://schema.org', '@graph': graph });
}
