// Property test: whatever a repository holds that must stay internal (intern fields, problembilder
// that are not exactly offentlig, Markdown comments, underrättelse sources), no `lofte report`
// (html, md, both, with the open data beside the pages) and no `lofte links` (every format) shows it; and no hostile Markdown becomes a
// live script link or live HTML. To test another way data could leak, add a generator to SECRETS.

import { rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { destinations, liveScheme, siteFiles, writeRepo, type ProblemSpec, type RepoSpec } from './publish-repo.js';

/** A repository being put together: the generators below add to it. */
interface Draft extends RepoSpec {
  /** Markdown fragments for the public Markdown fields (a public problembild's body, the inledning). */
  publicMarkdown: string[];
}

/** Something that must never be published: how it goes into the repository, and the text to look for. */
export interface Secret {
  /** The exact text that must not appear in any output. */
  marker: string;
  put(draft: Draft): void;
}

const markerArb = fc.stringMatching(/^[a-z]{4}[0-9a-z]{6}$/).map((s) => `HEMLIG${s}`);

/** The spellings of sekretess that are not exactly `offentlig`: each hides everything but titel and sammanfattning. */
const NOT_OFFENTLIG = ['intern', 'Offentlig', 'OFFENTLIG', 'offentlg', '" offentlig"', '"offentlig "', 'hemlig', undefined] as const;

const hiddenFields = ['beskrivning', 'plats', 'tid', 'malgrupp', 'kallaBeskrivning', 'body'] as const;

let problems = 0;
const newProblem = (draft: Draft, spec: Partial<ProblemSpec>): ProblemSpec => {
  problems += 1;
  const p: ProblemSpec = { id: `pb-${problems}`, titel: `Problem ${problems}`, sammanfattning: `Sammanfattning ${problems}`, kallaBeskrivning: 'Medborgardialog i centrum', sekretess: 'offentlig', ...spec };
  draft.problems.push(p);
  return p;
};

const COMMENTS = [(m: string) => `<!-- ${m} -->`, (m: string) => `<!--\n${m}\n-->`, (m: string) => `<!-- yttre <!-- inre --> ${m} -->`, (m: string) => `<!-- ${m}`, (m: string) => `Före <!-- a -->mellan<!--${m}--> efter`];

/** Where a secret can be put. */
export const SECRETS: fc.Arbitrary<Secret>[] = [
  // An `intern:` field on any kind of document.
  fc.record({ marker: markerArb, where: fc.constantFrom('aktorIntern', 'mblIntern', 'lofteIntern', 'problemIntern') }).map(({ marker, where }) => ({
    marker,
    put: (draft) => {
      if (where === 'problemIntern') newProblem(draft, { intern: marker });
      else draft[where] = marker;
    },
  })),
  // The detail of a problembild whose sekretess is anything but exactly `offentlig`.
  fc.record({ marker: markerArb, sekretess: fc.constantFrom(...NOT_OFFENTLIG), field: fc.constantFrom(...hiddenFields) }).map(({ marker, sekretess, field }) => ({
    marker,
    put: (draft) => {
      newProblem(draft, { sekretess, beforeSekretess: '# lofte-disable-next-line schema -- fel med flit', [field]: field === 'body' ? `Brödtext ${marker}.` : marker });
    },
  })),
  // A Markdown comment in a public Markdown field.
  fc.record({ marker: markerArb, form: fc.integer({ min: 0, max: COMMENTS.length - 1 }) }).map(({ marker, form }) => ({
    marker,
    put: (draft) => void draft.publicMarkdown.push((COMMENTS[form] as (m: string) => string)(marker)),
  })),
  // An underrättelse source of a public problembild.
  markerArb.map((marker) => ({ marker, put: (draft) => void newProblem(draft, { underrattelse: marker }) })),
];

/** Markdown that tries to run something. */
const HOSTILE_MARKDOWN = [
  '[a](javascript:alert(1))',
  '[a](&#106;avascript:alert(1))',
  '[a](javascript&colon;alert(1))',
  '[a](java&#x0A;script:alert(1))',
  '[a](JAVA\tSCRIPT:alert(1))',
  '[a](javascript\\:alert(1))',
  '[a](&amp;#106;avascript:alert(1))',
  '<javascript:alert(1)>',
  '[a][r]\n\n[r]: &#x6A;avascript:alert(1)',
  '![b](javascript:alert(1))',
  '[a](data:text/html,<script>alert(1)</script>)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">a</a>',
  '<svg onload=alert(1)>',
  '| a \\| b | `c` |\n|---|---|\n| 2026\\. | x |',
];

const repoArb = fc.record({
  secrets: fc.array(fc.oneof(...SECRETS), { minLength: 1, maxLength: 6 }),
  hostile: fc.array(fc.constantFrom(...HOSTILE_MARKDOWN), { maxLength: 5 }),
  mdBody: fc.boolean(),
});

function build({ secrets, hostile, mdBody }: { secrets: Secret[]; hostile: string[]; mdBody: boolean }): RepoSpec {
  const draft: Draft = { problems: [], publicMarkdown: [...hostile], config: 'regler:\n  schema: off\n' };
  for (const s of secrets) s.put(draft);
  // One public problembild always, which carries the public Markdown; the inledning gets the same.
  const text = draft.publicMarkdown.join('\n\n');
  newProblem(draft, mdBody ? { body: `Offentlig text.\n\n${text}` } : { beskrivning: `Offentlig text.\n\n${text}` });
  return { ...draft, inledning: `Inledning.\n\n${text}` };
}

describe('nothing internal is published, and nothing from the data runs', () => {
  it('holds for random repositories, in every report and links format', async () => {
    await fc.assert(
      fc.asyncProperty(repoArb, async (input) => {
        const dir = writeRepo(build(input), 'lofte-prop-publish-');
        const config = ['--config', path.join(dir, 'lofte.config.yaml')];
        try {
          const outputs = new Map<string, string>();
          for (const format of ['html', 'md', 'both']) {
            const out = path.join(dir, `site-${format}`);
            const r = await runCli(['report', dir, '--out', out, '--format', format, '--as-of', '2026-11-24', ...config]);
            expect(r.code, r.stderr).toBe(0);
            outputs.set(`report ${format} stdout`, r.stdout + r.stderr);
            for (const [rel, content] of await siteFiles(out)) outputs.set(`${format}/${rel}`, content);
          }
          for (const format of ['text', 'json', 'mermaid']) {
            const r = await runCli(['links', dir, '--format', format, ...config]);
            outputs.set(`links ${format}`, r.stdout + r.stderr);
          }
          for (const [name, content] of outputs) {
            for (const s of input.secrets) expect(content.includes(s.marker), `${s.marker} in ${name}`).toBe(false);
            for (const d of destinations(name, content)) expect(liveScheme(d), `${name}: ${d}`).toBeUndefined();
            // lofte's own pages hold SVG charts, never a script or an event handler.
            // JSON-LD blocks are data that never runs (the open data's schema.org descriptions).
            if (name.endsWith('.html')) expect(content.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, ''), name).not.toMatch(/<script\b|<[a-z][^>]*\son[a-z]+\s*=/i);
            if (name.endsWith('.md')) expect(content, name).not.toMatch(/(?<!\\)<(script|svg|img|a)\b/i);
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
