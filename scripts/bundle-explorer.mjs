#!/usr/bin/env node
/**
 * Bundles the report's live explorer (src/plot/explorer/browser.ts with the compiler's
 * instantiate, the runtime and the run loop it imports) into one browser script,
 * dist/explorer.js, that `stockflow report` inlines into the page. Part of `npm run build`.
 */
import { build } from 'esbuild';

await build({
  entryPoints: ['src/plot/explorer/browser.ts'],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  outfile: 'dist/explorer.js',
  logLevel: 'warning',
});
