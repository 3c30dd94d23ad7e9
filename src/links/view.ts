// The link graph for people: which promises answer each problem, what each actor promised, what is unanswered.

import { compareStrings } from '../diagnostics/types.js';
import { asString, idList } from '../model/access.js';
import type { Entity } from '../schema/index.js';
import type { LinkGraph } from './index.js';

export interface PromiseNode {
  /** `document/promise`, unique across the repository. */
  key: string;
  document: string;
  id: string;
  text: string;
  /** Every responsible actor: more than one for a joint promise. */
  ansvarig: string[];
}

export interface ProblemNode {
  id: string;
  titel: string;
  sekretess: string;
  loften: string[];
}

export interface ActorNode {
  id: string;
  namn: string;
  typ: string;
  ansvarig: string[];
  medverkande: string[];
}

export interface LinkView {
  problembilder: ProblemNode[];
  loften: PromiseNode[];
  aktorer: ActorNode[];
  unanswered: { problembilder: string[]; aktorer: string[] };
}

const byId = <T extends { id: string }>(a: T, b: T): number => compareStrings(a.id, b.id);

export function buildLinkView(entities: readonly Entity[], graph: LinkGraph): LinkView {
  const indexed = (e: Entity): e is Entity & { id: string } => e.id !== undefined && graph.byId.get(e.id) === e;
  const problembilder = new Map<string, ProblemNode>();
  const aktorer = new Map<string, ActorNode>();
  const loften = new Map<string, PromiseNode>();
  for (const e of entities.filter(indexed)) {
    if (e.kind === 'Problembild') {
      problembilder.set(e.id, { id: e.id, titel: asString(e.value['titel']) ?? e.id, sekretess: asString(e.value['sekretess']) ?? '', loften: [] });
    } else if (e.kind === 'Aktor') {
      aktorer.set(e.id, { id: e.id, namn: asString(e.value['namn']) ?? e.id, typ: asString(e.value['typ']) ?? '', ansvarig: [], medverkande: [] });
    }
  }
  const promiseOf = (link: { from: Entity; path: readonly (string | number)[] }): PromiseNode | undefined => {
    const index = link.path[1];
    if (link.from.kind !== 'Medborgarlofte' || link.path[0] !== 'loften' || typeof index !== 'number') return undefined;
    const raw = (link.from.value['loften'] as unknown[])[index] as Record<string, unknown>;
    const id = asString(raw['id']) ?? String(index);
    const key = `${link.from.id ?? ''}/${id}`;
    const node = loften.get(key) ?? { key, document: link.from.id ?? '', id, text: asString(raw['text']) ?? '', ansvarig: idList(raw['ansvarig']) };
    loften.set(key, node);
    return node;
  };
  for (const link of graph.links) {
    const promise = promiseOf(link);
    if (!promise || link.to.id === undefined) continue;
    const field = link.path[2];
    if (field === 'problembild') problembilder.get(link.to.id)?.loften.push(promise.key);
    else if (field === 'ansvarig') aktorer.get(link.to.id)?.ansvarig.push(promise.key);
    else if (field === 'medverkande') aktorer.get(link.to.id)?.medverkande.push(promise.key);
  }
  const sorted = <T extends { id: string }>(m: Map<string, T>): T[] => [...m.values()].sort(byId);
  const pbs = sorted(problembilder).map((p) => ({ ...p, loften: [...new Set(p.loften)].sort(compareStrings) }));
  const actors = sorted(aktorer).map((a) => ({ ...a, ansvarig: [...new Set(a.ansvarig)].sort(compareStrings), medverkande: [...new Set(a.medverkande)].sort(compareStrings) }));
  return {
    problembilder: pbs,
    loften: [...loften.values()].sort((a, b) => compareStrings(a.key, b.key)),
    aktorer: actors,
    unanswered: {
      problembilder: pbs.filter((p) => p.loften.length === 0).map((p) => p.id),
      aktorer: actors.filter((a) => a.ansvarig.length === 0 && a.medverkande.length === 0).map((a) => a.id),
    },
  };
}
