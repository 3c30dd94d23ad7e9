// The incremental repository stage (src/check/repository.ts) against the whole one (`analyse`):
// after each of many seeded random edits (an id anywhere swapped for another id, or one that does
// not exist: definitions renamed, duplicated and removed, references broken, mended and pointed at
// the wrong kind), the findings, documents and links are the same as a check from scratch.

import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RepositoryStage } from '../src/check/repository.js';
import { ValidationSession, type ValidateOptions } from '../src/validate.js';
import { ROOT } from './helpers.js';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Names for name edits: a name whose nameKey is an id, or the id no document has, is a suggestion for a reference that fails. */
const NAMES = ['Finns inte', 'Finns Inte!', 'Region Blekinge', 'Ett helt annat namn', ''];

/**
 * After each of `steps` seeded random edits the kept stage gives what a check from scratch gives.
 * `nameShare`: the share of edits that change a document's name or title instead of an id (the
 * suggestions of failing references are drawn from names). Returns the rules met and how many name
 * edits changed the findings.
 */
async function compareAfterEdits(seed: number, steps: number, nameShare: number): Promise<{ rules: Set<string>; namesMattered: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-stage-'));
  cpSync(path.join(ROOT, 'examples', 'vastra-blekinge'), dir, { recursive: true });
  const files = readdirSync(dir).filter((f) => /\.(ya?ml|md)$/.test(f) && f !== 'lofte.config.yaml');
  const texts = new Map(files.map((f) => [path.join(dir, f), readFileSync(path.join(dir, f), 'utf8')]));
  const ids = [...new Set([...texts.values()].flatMap((t) => [...t.matchAll(/^\s*(?:- )?id: ([a-z0-9-]+)$/gm)].map((m) => m[1] as string))), 'finns-inte'];
  const names = [...NAMES, ...ids.map((id) => id.replace(/-/g, ' ').toUpperCase())];
  const options: ValidateOptions = { cwd: dir, paths: [dir], asOf: '2026-11-24' };
  const overlay = new Map<string, { text: string; version: number }>();
  const kept = new ValidationSession(options, overlay, new RepositoryStage(options, overlay));
  await kept.run();
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const rules = new Set<string>();
  let namesMattered = 0;
  let last: unknown;
  for (let step = 1; step <= steps; step++) {
    const file = pick([...texts.keys()]);
    const text = overlay.get(file)?.text ?? (texts.get(file) as string);
    let nameEdit = false;
    if (random() < 0.15) {
      overlay.delete(file); // the editor closed it: the file on disk counts again
    } else if (nameShare > 0 && random() < nameShare) {
      // A document's own name or title (lines at the start of a line: not a contact's name).
      const at = [...text.matchAll(/^(namn|titel|kortnamn): .*$/gm)];
      if (at.length === 0) continue;
      const line = pick(at);
      const index = line.index;
      overlay.set(file, { text: `${text.slice(0, index)}${line[1] as string}: ${pick(names)}${text.slice(index + line[0].length)}`, version: step });
      nameEdit = true;
    } else {
      const present = ids.filter((id) => text.includes(id));
      if (present.length === 0) continue;
      const from = pick(present);
      const at = [...text.matchAll(new RegExp(`\\b${from}\\b`, 'g'))].map((m) => m.index);
      const index = pick(at);
      overlay.set(file, { text: text.slice(0, index) + pick(ids) + text.slice(index + from.length), version: step });
    }
    const got = await kept.run(new Set([file]));
    const fresh = await new ValidationSession(options, overlay).run();
    for (const d of fresh.diagnostics) rules.add(d.rule);
    expect(got.diagnostics, `step ${step}`).toEqual(fresh.diagnostics);
    expect(got.entities.map((e) => `${e.doc.file}#${e.doc.index}`)).toEqual(fresh.entities.map((e) => `${e.doc.file}#${e.doc.index}`));
    const linkKey = (l: (typeof fresh.graph.links)[number]): string => `${l.from.doc.file}#${l.from.doc.index} ${l.path.join('.')} → ${l.to.doc.file}#${l.to.doc.index}`;
    expect(got.graph.links.map(linkKey)).toEqual(fresh.graph.links.map(linkKey));
    expect([...got.graph.byId].map(([id, e]) => `${id} ${e.doc.file}#${e.doc.index}`)).toEqual([...fresh.graph.byId].map(([id, e]) => `${id} ${e.doc.file}#${e.doc.index}`));
    // A name edit that changed a failing reference's suggestions (not only the edited file's own findings).
    const others = JSON.stringify(fresh.diagnostics.filter((d) => d.file !== path.relative(dir, file) && d.rule === 'unresolved-reference'));
    if (nameEdit && last !== undefined && others !== last) namesMattered++;
    last = others;
  }
  return { rules, namesMattered };
}

describe('the incremental repository stage', () => {
  it('gives what a check from scratch gives after every one of 80 random edits', async () => {
    const { rules } = await compareAfterEdits(19, 80, 0);
    // The edits reached the findings the stage must get right.
    expect([...rules]).toEqual(expect.arrayContaining(['duplicate-id', 'unresolved-reference', 'reference-kind', 'orphan-problembild', 'follow-up-unknown-promise']));
  }, 120_000);

  it('gives what a check from scratch gives after random edits of names and titles among edits of ids (names are what suggestions are drawn from)', async () => {
    const { rules, namesMattered } = await compareAfterEdits(23, 120, 0.5);
    expect([...rules]).toEqual(expect.arrayContaining(['unresolved-reference']));
    // Names edited that changed a failing reference's suggestions in another file.
    expect(namesMattered).toBeGreaterThan(0);
  }, 120_000);
});
