// `lofte links` output: text for people, JSON for tools, Mermaid for a picture in GitHub or a report.

import type { CliWords } from '../diagnostics/messages/cli.js';
import { cliSv } from '../diagnostics/messages/cli-sv.js';
import { printable } from '../util/printable.js';
import type { LinkView, PromiseNode } from './view.js';

const shorten = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** Everything from the data passes through here before it reaches the text output. */
const t = printable;
const list = (ids: readonly string[]): string => ids.map(t).join(', ');
export function renderLinksText(view: LinkView, words: CliWords['linksView'] = cliSv.linksView): string {
  const promise = new Map(view.loften.map((p) => [p.key, p]));
  const actorName = new Map(view.aktorer.map((a) => [a.id, a.namn]));
  const line = (key: string): string => {
    const p = promise.get(key) as PromiseNode;
    const names = p.ansvarig.map((a) => t(actorName.get(a) ?? a));
    return `    ${t(p.key)} (${names.length > 0 ? words.joinNames({ names }) : words.noneResponsible}): ${t(shorten(p.text, 90))}`;
  };
  const out: string[] = [words.problembilder, ''];
  for (const pb of view.problembilder) {
    // Fail closed, as the report does: anything but exactly `offentlig` is shown as intern.
    out.push(`  ${t(pb.id)}: ${t(pb.titel)}${pb.sekretess === 'offentlig' ? '' : words.internal}`);
    out.push(...(pb.loften.length > 0 ? pb.loften.map(line) : [`    ${words.noPromise}`]));
  }
  out.push('', words.aktorer, '');
  for (const a of view.aktorer) {
    out.push(`  ${t(a.id)}: ${t(a.namn)} (${t(a.typ)})`);
    if (a.ansvarig.length > 0) out.push(`    ${words.responsibleFor({ count: a.ansvarig.length, ids: list(a.ansvarig) })}`);
    if (a.medverkande.length > 0) out.push(`    ${words.participatesIn({ count: a.medverkande.length, ids: list(a.medverkande) })}`);
    if (a.ansvarig.length + a.medverkande.length === 0) out.push(`    ${words.noPromises}`);
  }
  out.push('', words.unanswered, '');
  out.push(`  ${words.problembilderUnanswered({ ids: list(view.unanswered.problembilder) || '–' })}`);
  out.push(`  ${words.aktorerUnanswered({ ids: list(view.unanswered.aktorer) || '–' })}`);
  return `${out.join('\n')}\n`;
}

export function renderLinksJson(view: LinkView): string {
  return `${JSON.stringify({ version: 1, ...view }, null, 2)}\n`;
}

/** Mermaid labels are quoted; quotes and markup characters become entity codes. */
export function mermaidLabel(text: string): string {
  const escaped = printable(text).replace(/[#"<>&`{}[\]()|]/g, (c) => `#${c.codePointAt(0)};`);
  return `"${escaped}"`;
}

export function renderLinksMermaid(view: LinkView, words: CliWords['linksView'] = cliSv.linksView): string {
  const m = words.mermaid;
  const ids = new Map<string, string>();
  const node = (prefix: string, key: string): string => {
    const existing = ids.get(`${prefix}:${key}`);
    if (existing) return existing;
    const id = `${prefix}${ids.size + 1}`;
    ids.set(`${prefix}:${key}`, id);
    return id;
  };
  const out = ['flowchart LR'];
  out.push(`  subgraph problembilder[${mermaidLabel(m.problembilder)}]`);
  for (const pb of view.problembilder) out.push(`    ${node('pb', pb.id)}[${mermaidLabel(shorten(pb.titel, 60))}]`);
  out.push('  end');
  out.push(`  subgraph loften[${mermaidLabel(m.loften)}]`);
  for (const p of view.loften) out.push(`    ${node('l', p.key)}(${mermaidLabel(`${p.id}: ${shorten(p.text, 50)}`)})`);
  out.push('  end');
  out.push(`  subgraph aktorer[${mermaidLabel(m.aktorer)}]`);
  for (const a of view.aktorer) out.push(`    ${node('a', a.id)}[/${mermaidLabel(a.namn)}/]`);
  out.push('  end');
  for (const a of view.aktorer) {
    for (const key of a.ansvarig) out.push(`  ${node('a', a.id)} -->|${m.promises}| ${node('l', key)}`);
    for (const key of a.medverkande) out.push(`  ${node('a', a.id)} -.->|${m.participates}| ${node('l', key)}`);
  }
  for (const pb of view.problembilder) for (const key of pb.loften) out.push(`  ${node('l', key)} -->|${m.answers}| ${node('pb', pb.id)}`);
  return `${out.join('\n')}\n`;
}
