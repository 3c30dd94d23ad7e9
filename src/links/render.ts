// `lofte links` output: text for people, JSON for tools, Mermaid for a picture in GitHub or a report.

import type { LinkView, PromiseNode } from './view.js';

const shorten = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** "A", "A och B", "A, B och C": how a joint promise's actors read in Swedish. */
export function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}`;
}

export function renderLinksText(view: LinkView): string {
  const promise = new Map(view.loften.map((p) => [p.key, p]));
  const actorName = new Map(view.aktorer.map((a) => [a.id, a.namn]));
  const line = (key: string): string => {
    const p = promise.get(key) as PromiseNode;
    const names = p.ansvarig.map((a) => actorName.get(a) ?? a);
    return `    ${p.key} (${names.length > 0 ? joinNames(names) : 'ingen ansvarig'}): ${shorten(p.text, 90)}`;
  };
  const out: string[] = ['Problembilder och löftena som svarar på dem', ''];
  for (const pb of view.problembilder) {
    out.push(`  ${pb.id}: ${pb.titel}${pb.sekretess === 'intern' ? ' (intern)' : ''}`);
    out.push(...(pb.loften.length > 0 ? pb.loften.map(line) : ['    – inget löfte –']));
  }
  out.push('', 'Aktörer och vad de har lovat', '');
  for (const a of view.aktorer) {
    out.push(`  ${a.id}: ${a.namn} (${a.typ})`);
    if (a.ansvarig.length > 0) out.push(`    ansvarig för ${a.ansvarig.length}: ${a.ansvarig.join(', ')}`);
    if (a.medverkande.length > 0) out.push(`    medverkar i ${a.medverkande.length}: ${a.medverkande.join(', ')}`);
    if (a.ansvarig.length + a.medverkande.length === 0) out.push('    – inga löften –');
  }
  out.push('', 'Utan svar', '');
  out.push(`  Problembilder utan löften: ${view.unanswered.problembilder.join(', ') || '–'}`);
  out.push(`  Aktörer utan löften: ${view.unanswered.aktorer.join(', ') || '–'}`);
  return `${out.join('\n')}\n`;
}

export function renderLinksJson(view: LinkView): string {
  return `${JSON.stringify({ version: 1, ...view }, null, 2)}\n`;
}

/** Mermaid labels are quoted; quotes and markup characters become entity codes. */
export function mermaidLabel(text: string): string {
  const escaped = text.replace(/[#"<>&`{}[\]()|]/g, (c) => `#${c.codePointAt(0)};`);
  return `"${escaped}"`;
}

export function renderLinksMermaid(view: LinkView): string {
  const ids = new Map<string, string>();
  const node = (prefix: string, key: string): string => {
    const existing = ids.get(`${prefix}:${key}`);
    if (existing) return existing;
    const id = `${prefix}${ids.size + 1}`;
    ids.set(`${prefix}:${key}`, id);
    return id;
  };
  const out = ['flowchart LR'];
  out.push('  subgraph problembilder["Problembilder"]');
  for (const pb of view.problembilder) out.push(`    ${node('pb', pb.id)}[${mermaidLabel(shorten(pb.titel, 60))}]`);
  out.push('  end');
  out.push('  subgraph loften["Löften"]');
  for (const p of view.loften) out.push(`    ${node('l', p.key)}(${mermaidLabel(`${p.id}: ${shorten(p.text, 50)}`)})`);
  out.push('  end');
  out.push('  subgraph aktorer["Aktörer"]');
  for (const a of view.aktorer) out.push(`    ${node('a', a.id)}[/${mermaidLabel(a.namn)}/]`);
  out.push('  end');
  for (const a of view.aktorer) {
    for (const key of a.ansvarig) out.push(`  ${node('a', a.id)} -->|lovar| ${node('l', key)}`);
    for (const key of a.medverkande) out.push(`  ${node('a', a.id)} -.->|medverkar| ${node('l', key)}`);
  }
  for (const pb of view.problembilder) for (const key of pb.loften) out.push(`  ${node('l', key)} -->|svarar på| ${node('pb', pb.id)}`);
  return `${out.join('\n')}\n`;
}
