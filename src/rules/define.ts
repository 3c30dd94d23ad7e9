// defineRule: a rule is one module with its code, severity, scope, docs, words and check.

import type { ArgShape } from '../diagnostics/define.js';
import type { DocumentRule, RepositoryRule } from './types.js';

type Body<R> = Omit<R, 'stage'>;

/**
 * Curried so the rule's argument type is written once and its code's literal type is inferred:
 *
 *     export const deviationReason = defineRule<{ status: string; lofte: string }>()({
 *       code: 'deviation-reason', severity: 'error', scope: 'document', summary: '…',
 *       words: { sv: { title, message: (a) => t`Löftet ${code(a.lofte)} …` }, en: { … } },
 *       samples: [{ status: 'ej_genomfort', lofte: 'kontroller' }],
 *       check(ctx) { … ctx.report(entity, path, { status, lofte }) },
 *     });
 *
 * `words`, `samples` and `ctx.report` are all typed by it: an argument renamed in one of them and
 * not the others does not compile.
 */
type RuleOf<C extends string, A extends ArgShape, S extends Scope> = S extends 'document' ? DocumentRule<C, A> : RepositoryRule<C, A>;
type Scope = 'document' | 'repository';

export function defineRule<A extends ArgShape>() {
  return <const C extends string, S extends Scope>(rule: Body<RuleOf<C, A, S>> & { code: C; scope: S }): RuleOf<C, A, S> => ({ ...rule, stage: 'rules' }) as RuleOf<C, A, S>;
}
