// No import cycle through src/cli: run.ts imports the commands, the commands import options.ts,
// never run.ts. Under ES modules a cycle leaves a command's top-level use of EXIT in the TDZ.
//
// The import graph comes from esbuild (already the build's bundler, so no new package), read
// from the sources as they run: type-only imports are dropped, exactly as at run time.

import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** The source files each file imports statically (import statements and require calls). */
async function importGraph(entry: string): Promise<Map<string, string[]>> {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const meta: Metafile = result.metafile;
  const graph = new Map<string, string[]>();
  for (const [file, input] of Object.entries(meta.inputs)) {
    graph.set(
      file,
      input.imports.filter((i) => !i.external && (i.kind === 'import-statement' || i.kind === 'require-call')).map((i) => i.path),
    );
  }
  return graph;
}

/** Every cycle (as a list of files, first = last) that passes through a file under `inside`. */
function cyclesThrough(graph: ReadonlyMap<string, readonly string[]>, inside: string): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        if (cycle.some((f) => f.startsWith(inside))) cycles.push(cycle);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('src/cli imports', () => {
  it('have no cycle (every command is reached from the entry)', async () => {
    const graph = await importGraph('src/cli/main.ts');
    const cliFiles = [...graph.keys()].filter((f) => f.startsWith('src/cli/'));
    // The graph is the real one: run.ts and its commands are in it, and options.ts is shared.
    expect(cliFiles).toEqual(expect.arrayContaining(['src/cli/run.ts', 'src/cli/validate.ts', 'src/cli/options.ts']));
    expect(graph.get('src/cli/validate.ts')).toContain('src/cli/options.ts');
    expect(cyclesThrough(graph, 'src/cli/')).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const graph = new Map([
      ['src/cli/run.ts', ['src/cli/validate.ts', 'src/cli/options.ts']],
      ['src/cli/validate.ts', ['src/cli/options.ts', 'src/cli/run.ts']],
      ['src/cli/options.ts', []],
    ]);
    expect(cyclesThrough(graph, 'src/cli/')).toEqual([['src/cli/run.ts', 'src/cli/validate.ts', 'src/cli/run.ts']]);
  });
});
