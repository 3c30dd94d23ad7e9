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

describe('the incremental repository stage', () => {
  it('gives what a check from scratch gives after every one of 80 random edits', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-stage-'));
    cpSync(path.join(ROOT, 'examples', 'vastra-blekinge'), dir, { recursive: true });
    const files = readdirSync(dir).filter((f) => /\.(ya?ml|md)$/.test(f) && f !== 'lofte.config.yaml');
    const texts = new Map(files.map((f) => [path.join(dir, f), readFileSync(path.join(dir, f), 'utf8')]));
    const ids = [...new Set([...texts.values()].flatMap((t) => [...t.matchAll(/^\s*(?:- )?id: ([a-z0-9-]+)$/gm)].map((m) => m[1] as string))), 'finns-inte'];
    const options: ValidateOptions = { cwd: dir, paths: [dir], asOf: '2026-11-24' };
    const overlay = new Map<string, { text: string; version: number }>();
    const kept = new ValidationSession(options, overlay, new RepositoryStage(options, overlay));
    await kept.run();
    const random = mulberry32(19);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const rules = new Set<string>();
    for (let step = 1; step <= 80; step++) {
      const file = pick([...texts.keys()]);
      const text = overlay.get(file)?.text ?? (texts.get(file) as string);
      if (random() < 0.15) {
        overlay.delete(file); // the editor closed it: the file on disk counts again
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
    }
    // The edits reached the findings the stage must get right.
    expect([...rules]).toEqual(expect.arrayContaining(['duplicate-id', 'unresolved-reference', 'reference-kind', 'orphan-problembild', 'follow-up-unknown-promise']));
  }, 120_000);
});
