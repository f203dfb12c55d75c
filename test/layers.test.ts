/**
 * The layer rule of DESIGN.md, enforced by scanning import lines: a module imports only from
 * lower layers or its own folder; only io/ and cli/ touch the file system; nothing imports
 * cli/; plotly only in plot/; the only `new Function` is in compile/compile.ts.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src', import.meta.url));
/** Lowest first. Top-level files of src/ (index.ts, check.ts) form the `api` layer. */
const LAYERS = ['core', 'model', 'expr', 'builtins', 'graph', 'compile', 'sim', 'scenarios', 'analysis', 'io', 'plot', 'api', 'cli'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const layerOf = (file: string) => {
  const rel = relative(SRC, file).split('/');
  return rel.length === 1 ? 'api' : rel[0];
};

const sources = files(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8'), layer: layerOf(file) }));

test('every source file belongs to a known layer', () => {
  for (const s of sources) assert.ok(LAYERS.includes(s.layer), `${relative(SRC, s.file)} is in unknown layer ${s.layer}`);
});

test('modules import only from lower layers or their own', () => {
  const problems: string[] = [];
  for (const s of sources) {
    for (const m of s.text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"](\.[^'"]+)['"]/gm)) {
      const target = layerOf(join(s.file, '..', m[1]));
      const allowed = target === s.layer || LAYERS.indexOf(target) < LAYERS.indexOf(s.layer);
      if (!allowed) problems.push(`${relative(SRC, s.file)} (${s.layer}) imports ${m[1]} (${target})`);
    }
  }
  assert.equal(problems, []);
});

test('only io and cli touch the file system or the console', () => {
  const problems = sources
    .filter((s) => !['io', 'cli'].includes(s.layer))
    .filter((s) => /from ['"]node:(fs|child_process)|from ['"]fs['"]|console\.(log|error)|process\.std(out|err)/.test(s.text))
    .map((s) => relative(SRC, s.file));
  assert.equal(problems, []);
});

test('the only new Function is the compiler, and plotly lives in plot/', () => {
  const fns = sources.filter((s) => /new Function\(/.test(s.text)).map((s) => relative(SRC, s.file));
  assert.equal(fns, ['compile/compile.ts']);
  const plotly = sources.filter((s) => /plotly/.test(s.text) && s.layer !== 'plot' && /from ['"]plotly/.test(s.text)).map((s) => relative(SRC, s.file));
  assert.equal(plotly, []);
});

test.run();
