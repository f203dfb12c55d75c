#!/usr/bin/env node
/**
 * Opens a stockflow report in headless Chromium with the network off and checks that every
 * chart drew. Usage:
 *   node scripts/check-report.mjs [MODEL ...] [--html FILE] [--png FILE] [--out DIR]
 * Without --html it first writes the report of each MODEL (default models/kinesis-outage.yaml)
 * with the built CLI (npm run build first). Exit 0 when every chart of every report drew.
 *
 * Checks: (1) the page has no remote scripts, stylesheets or images; (2) Chromium, with
 * every host name unresolvable and a dead proxy, loads it from file://, runs plotly.js and
 * the page's draw script, which records data-charts-total / -drawn / -failed on <html>;
 * (3) the dumped DOM has one drawn Plotly SVG per chart. A PNG of the page is kept.
 * Chromium flags: ../shared/references/notebooks.md (they work as root, headless, offline).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); if (i < 0) return undefined; const v = argv[i + 1]; argv.splice(i, 2); return v; };
const htmlArg = opt('--html');
const pngArg = opt('--png');
const outDir = resolve(opt('--out') ?? 'build/report-check');
const models = argv.length ? argv : ['models/kinesis-outage.yaml'];
const chromium = process.env.CHROMIUM ?? ['chromium', 'chromium-browser', 'google-chrome'].find((c) => spawnSync('which', [c]).status === 0);
mkdirSync(outDir, { recursive: true });

function flags(profile) {
  return ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-extensions', `--user-data-dir=${profile}`,
    // network off: no name resolves and every proxied request goes to a closed port
    '--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>',
    '--virtual-time-budget=30000'];
}

function chrome(args) {
  const profile = mkdtempSync(join(tmpdir(), 'stockflow-chromium-'));
  try {
    return spawnSync(chromium, [...flags(profile), ...args], { encoding: 'utf8', maxBuffer: 256 << 20, timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function remoteResources(html) {
  const found = [];
  for (const m of html.matchAll(/<(script|link|img|iframe|source)\b[^>]*\b(src|href)\s*=\s*["']?([^"' >]+)/gi)) {
    if (!m[3].startsWith('#') && !m[3].startsWith('data:')) found.push(`<${m[1]} ${m[2]}=${m[3]}>`);
  }
  return found;
}

function check(file, png) {
  const problems = [];
  const html = readFileSync(file, 'utf8');
  const charts = (html.match(/class="sf-chart"/g) ?? []).length;
  problems.push(...remoteResources(html).map((r) => `loads a resource: ${r}`));
  const url = pathToFileURL(file).href;
  const dom = chrome(['--dump-dom', url]);
  if (dom.error || dom.status !== 0) problems.push(`chromium failed: ${dom.error?.message ?? dom.stderr.split('\n').slice(-5).join(' ')}`);
  const attr = (name) => Number((dom.stdout ?? '').match(new RegExp(`data-charts-${name}="(\\d+)"`))?.[1] ?? NaN);
  const total = attr('total');
  const drawn = attr('drawn');
  const failed = attr('failed');
  const svgs = ((dom.stdout ?? '').match(/<svg class="main-svg"/g) ?? []).length;
  if (!(total === charts)) problems.push(`the page script saw ${total} charts, the file has ${charts}`);
  if (!(drawn === charts)) problems.push(`${Number.isNaN(drawn) ? 0 : drawn} of ${charts} charts drew (${Number.isNaN(failed) ? '?' : failed} failed)`);
  if (svgs < charts) problems.push(`only ${svgs} Plotly SVG layers in the DOM for ${charts} charts`);
  for (const m of (dom.stdout ?? '').matchAll(/class="chart-error">([^<]*)/g)) problems.push(m[1]);
  const shot = chrome(['--window-size=1400,2400', '--hide-scrollbars', `--screenshot=${png}`, url]);
  if (shot.status !== 0 || !existsSync(png)) problems.push('no screenshot');
  return { charts, drawn, problems };
}

if (!chromium) {
  console.error('check-report: no chromium found (apt-get install chromium, or set CHROMIUM)');
  process.exit(1);
}
const pages = [];
if (htmlArg) pages.push({ file: resolve(htmlArg), png: resolve(pngArg ?? join(outDir, `${basename(htmlArg, extname(htmlArg))}.png`)) });
else {
  for (const model of models) {
    const name = basename(model, extname(model));
    const file = join(outDir, `${name}.html`);
    const r = spawnSync(process.execPath, ['dist/cli/main.js', 'report', model, '--html', file], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) { console.error(`check-report: stockflow report ${model} failed (exit ${r.status})`); process.exit(1); }
    pages.push({ file, png: resolve(pngArg ?? join(outDir, `${name}.png`)) });
  }
}
let bad = 0;
for (const p of pages) {
  const r = check(p.file, p.png);
  for (const problem of r.problems) console.error(`check-report: ${basename(p.file)}: ${problem}`);
  if (r.problems.length) bad++;
  console.log(`check-report: ${basename(p.file)}: ${Number.isNaN(r.drawn) ? 0 : r.drawn}/${r.charts} charts drawn offline${r.problems.length ? ' - FAILED' : ''}; screenshot ${p.png}`);
}
console.log(`report-check: ${pages.length - bad} passed, ${bad} failed`);
process.exit(bad ? 1 : 0);
