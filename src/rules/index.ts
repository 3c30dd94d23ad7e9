// The rules stage: the explicit list of domain rules, run over the linked repository.

import { buildDiagnostic } from '../diagnostics/build.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { LinkGraph } from '../links/index.js';
import type { ReferenceData } from '../model/reference-data.js';
import { aboutPath } from '../model/about.js';
import { walkDocument, type DocumentWalk } from './texts.js';
import type { Entity } from '../schema/index.js';
import { deviationReason } from './deviation-reason.js';
import { followUpUnknownPromise } from './follow-up-unknown-promise.js';
import { outsideValidity } from './outside-validity.js';
import { periodOrder } from './period-order.js';
import { personalData } from './personal-data.js';
import type { DocumentRuleContext, Rule } from './types.js';
import { unknownKommunkod } from './unknown-kommunkod.js';
import { conditionalPromise } from './conditional-promise.js';
import { contactInText } from './contact-in-text.js';
import { followUpMissing } from './follow-up-missing.js';
import { kommunOutsideRegion } from './kommun-outside-region.js';
import { missingDialogue } from './missing-dialogue.js';
import { notMeasurable } from './not-measurable.js';
import { oneParty } from './one-party.js';
import { orphanProblembild } from './orphan-problembild.js';
import { vagueWording } from './vague-wording.js';
import { placeholder } from './placeholder.js';

/** The rules, in the order they run; a new rule is added here and in its own file. */
export const DOMAIN_RULES = [
  unknownKommunkod,
  periodOrder,
  outsideValidity,
  followUpUnknownPromise,
  deviationReason,
  personalData,
  vagueWording,
  conditionalPromise,
  notMeasurable,
  oneParty,
  orphanProblembild,
  missingDialogue,
  followUpMissing,
  kommunOutsideRegion,
  contactInText,
  placeholder,
] as const;

export interface RulesInput {
  entities: readonly Entity[];
  asOf: string;
  data: ReferenceData;
  /** Rules that configuration turned off are not run at all. */
  enabled?: (code: string) => boolean;
}

const documentRulesCache = new WeakMap<readonly string[], readonly Rule[]>();

/**
 * The document rules that are on, for a list of rules configuration turned off: worked out once per
 * list (a run's files share one), not once per file and rule.
 */
export function documentRulesWithout(disabled: readonly string[]): readonly Rule[] {
  let rules = documentRulesCache.get(disabled);
  if (!rules) {
    const off = new Set(disabled);
    rules = DOMAIN_RULES.filter((rule) => rule.scope === 'document' && !off.has(rule.code));
    documentRulesCache.set(disabled, rules);
  }
  return rules;
}

/** The document rules over one file's documents: their findings depend on nothing else. */
export function runDocumentRules(input: RulesInput, rules: readonly Rule[] = DOMAIN_RULES): Diagnostic[] {
  return runScoped(input, undefined, rules);
}

/** The repository rules over the whole linked repository. */
export function runRepositoryRules(input: RulesInput & { graph: LinkGraph }, rules: readonly Rule[] = DOMAIN_RULES): Diagnostic[] {
  return runScoped(input, input.graph, rules);
}

function runScoped(input: RulesInput, graph: LinkGraph | undefined, rules: readonly Rule[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  // One context for all the rules (this runs once per file): `rule` says whose finding it is.
  let current: Rule | undefined;
  // Each document walked once in this run for every rule that reads all of it (a Map: it goes
  // with the run, and a WeakMap per file costs the collector more).
  const walks = new Map<object, DocumentWalk>();
  const walked = (entity: Entity): DocumentWalk => {
    let found = walks.get(entity.value);
    if (!found) walks.set(entity.value, (found = walkDocument(entity.value)));
    return found;
  };
  const ctx: DocumentRuleContext = {
    entities: input.entities,
    asOf: input.asOf,
    data: input.data,
    report(entity, path, args, options) {
      const span = options?.span;
      const locator = entity.doc.locator;
      const words = span && locator.locateText?.(path, span.start, span.end);
      const range = words ?? locator.locate(path, options?.target ?? 'value');
      const d = buildDiagnostic(current?.code ?? '', current?.severity ?? 'error', entity.doc.file, range, path, args, options?.related, aboutPath(entity.kind, entity.id, entity.value, path));
      // Words on a later line of a text are still silenced by a comment before the text.
      if (words) {
        const start = locator.locate(path, 'value').start.line;
        if (start !== words.start.line) d.disableLine = start;
      }
      out.push(d);
    },
    texts: (entity) => walked(entity).fields,
    periods: (entity) => walked(entity).periods,
  };
  const withGraph = graph ? { ...ctx, graph } : undefined;
  for (const rule of rules) {
    if ((rule.scope === 'repository') !== (graph !== undefined)) continue;
    if (input.enabled && !input.enabled(rule.code)) continue;
    current = rule;
    if (rule.scope === 'document') rule.check(ctx);
    else if (withGraph) rule.check(withGraph);
  }
  return out;
}
