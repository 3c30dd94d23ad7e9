// The rule table in Markdown, derived from the catalog: README.md and docs/rules/README.md hold it.

import { CATALOG } from './catalog.js';

/** `| [`code`](<dir>code.md) | fel | what it finds |` per code, in catalog order, under its header. */
export function rulesTable(dir: string): string {
  const rows = CATALOG.map((d) => `| [\`${d.code}\`](${dir}${d.code}.md) | ${d.severity === 'error' ? 'fel' : 'varning'} | ${d.summary} |`);
  return ['| Regel | Allvar | Vad den hittar |', '|---|---|---|', ...rows].join('\n');
}
