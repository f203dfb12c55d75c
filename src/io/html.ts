/**
 * File side of the HTML pictures: the plotly.js bundle read from the installed
 * plotly.js-dist-min package (inlined into reports so they work offline), and pages written
 * atomically. The pages themselves are built in plot/.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { writeOutput, type OutputOptions } from './write.js';

/** The minified plotly.js bundle (about 4.8 MB of JavaScript); read it once and pass it on. */
export function plotlyScript(): string {
  return readFileSync(createRequire(import.meta.url).resolve('plotly.js-dist-min'), 'utf8');
}

/**
 * The live explorer's browser script (dist/explorer.js, made by `npm run build` from
 * src/plot/explorer/browser.ts), found from this module in dist/ or src/; undefined when the
 * package was not built.
 */
export function explorerScript(): string | undefined {
  for (const rel of ['../explorer.js', '../../dist/explorer.js']) {
    try {
      return readFileSync(new URL(rel, import.meta.url), 'utf8');
    } catch {
      // try the next place
    }
  }
  return undefined;
}

/** The version of the inlined plotly.js, from the package manifest. */
export function plotlyVersion(): string {
  const require = createRequire(import.meta.url);
  const manifest = JSON.parse(readFileSync(require.resolve('plotly.js-dist-min/package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** Writes an HTML page through the output writer (which makes its folder if needed). */
export function writeHtml(file: string, html: string, options: OutputOptions = {}): void {
  writeOutput(file, html, options);
}
