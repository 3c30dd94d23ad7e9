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
export function defineRule<A extends ArgShape>() {
  function define<const C extends string>(rule: Body<DocumentRule<C, A>>): DocumentRule<C, A>;
  function define<const C extends string>(rule: Body<RepositoryRule<C, A>>): RepositoryRule<C, A>;
  function define<const C extends string>(rule: Body<DocumentRule<C, A>> | Body<RepositoryRule<C, A>>): DocumentRule<C, A> | RepositoryRule<C, A> {
    return { ...rule, stage: 'rules' } as DocumentRule<C, A> | RepositoryRule<C, A>;
  }
  return define;
}
