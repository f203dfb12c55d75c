/**
 * Bundles the CLI, the library and the worker-thread entries with esbuild (run by `npm run
 * build` after tsc). One file per entry plus shared chunks, so a start-up resolves a handful
 * of files instead of hundreds of modules, and only the mathjs factories the equation
 * language uses are included. Commands and heavy libraries imported with `import()` become
 * chunks loaded on use. Output: dist/bundle/; dist/index.js and dist/cli/main.js (written by
 * tsc) are replaced by one-line re-exports of the bundle, so every entry path stays valid.
 *
 * All entries share one flat folder because worker threads and the queue's job processor
 * are found next to the module that starts them (analysis/parallel/thread.ts,
 * cli/queue/worker-run.ts): a module that starts a thread on a new file needs an entry here.
 */
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const entryPoints = {
  main: 'src/cli/main.ts',
  index: 'src/index.ts',
  worker: 'src/analysis/parallel/worker.ts',
  'paired-worker': 'src/analysis/leverage/paired-worker.ts',
  processor: 'src/cli/queue/processor.ts',
};

/** src/model/schema-validator.ts becomes the schema's validator, generated now by ajv. */
const precompiledValidator = {
  name: 'precompiled-validator',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]model[\\/]schema-validator\.ts$/ }, () => {
      const schema = JSON.parse(readFileSync('schema/stockflow-model.schema.json', 'utf8'));
      const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true } });
      const code = standaloneCode.default(ajv, ajv.compile(schema));
      return { contents: `${code}\nexport function compileValidator() { return validate; }\n`, loader: 'js', resolveDir: 'src/model' };
    });
  },
};

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  plugins: [precompiledValidator],
  entryPoints,
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  chunkNames: 'chunk-[hash]',
  // Loaded from node_modules as they are: the queue client reads its Lua scripts from its own
  // folder, and the diagram and chart libraries are large, prebuilt and loaded only on use.
  external: ['bullmq', 'ioredis', 'elkjs', 'elkjs/*', 'plotly.js-dist-min'],
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
  // CommonJS dependencies call require(); an ES module has none, so give the bundle one.
  banner: { js: "import { createRequire as __stockflowRequire } from 'node:module'; const require = __stockflowRequire(import.meta.url);" },
});

writeFileSync('dist/index.js', "export * from './bundle/index.js';\n");
writeFileSync('dist/cli/main.js', "#!/usr/bin/env node\nimport '../bundle/main.js';\n");
