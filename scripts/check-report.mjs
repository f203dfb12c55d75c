#!/usr/bin/env node
/**
 * Opens stockflow reports in Debian's Chromium, driven by playwright-core with the network
 * off, and checks what a reader relies on. Usage:
 *   node scripts/check-report.mjs [MODEL ...] [--html FILE] [--out DIR]
 * Without --html it first writes the report of each MODEL (default models/kinesis-outage.yaml)
 * with the built CLI (npm run build first). Ends with `report-check: N passed, N failed`, one
 * check per line; exit 0 when all pass.
 *
 * Checks: the file names no remote script, stylesheet or image and the page makes no request
 * beyond its own file; every chart draws (the page's draw script records
 * data-charts-total/-drawn/-failed on <html>); the diagram fits the viewport width at a legible
 * scale (node labels at least 7 px high on screen); moving an explorer slider changes the
 * plotted data; ticking an intervention adds its line; no console errors. Screenshots at
 * 1400 px wide go to DIR (default build/report-check) for a person to look at.
 * Chromium: /usr/bin/chromium (or $CHROMIUM), run headless with the flags set below.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); if (i < 0) return undefined; const v = argv[i + 1]; argv.splice(i, 2); return v; };
const htmlArg = opt('--html');
const outDir = resolve(opt('--out') ?? 'build/report-check');
const models = argv.length ? argv : ['models/kinesis-outage.yaml'];
const executablePath = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-extensions',
  // network off: no name resolves and every proxied request goes to a closed port
  '--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>'];
const WIDTH = 1400;
mkdirSync(outDir, { recursive: true });

let passed = 0;
let failed = 0;
const result = (page, name, ok, detail = '') => {
  if (ok) passed++; else failed++;
  console.log(`check-report: ${page}: ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
};

function remoteResources(html) {
  const found = [];
  for (const m of html.matchAll(/<(script|link|img|iframe|source)\b[^>]*\b(src|href)\s*=\s*["']?([^"' >]+)/gi)) {
    if (!m[3].startsWith('#') && !m[3].startsWith('data:')) found.push(`<${m[1]} ${m[2]}=${m[3]}>`);
  }
  return found;
}

/** The plotted y values of every explorer chart, as one string to compare. */
const explorerData = (page) => page.$$eval('.sf-explorer-chart', (els) => JSON.stringify(els.map((e) => (e.data ?? []).map((t) => [t.name, t.y]))));
const explorerLines = (page) => page.$$eval('.sf-explorer-chart', (els) => els.reduce((n, e) => n + (e.data ?? []).length, 0));

async function check(browser, file, name) {
  const html = readFileSync(file, 'utf8');
  const remote = remoteResources(html);
  result(name, 'no remote resources in the file', remote.length === 0, remote.slice(0, 3).join(' '));
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 1000 }, offline: true });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) requests.push(r.url()); });
  await page.goto(pathToFileURL(file).href, { timeout: 180_000, waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.getAttribute('data-charts-done') === 'true', null, { timeout: 180_000 }).catch(() => {});
  const charts = await page.evaluate(() => ['total', 'drawn', 'failed'].map((k) => Number(document.documentElement.getAttribute(`data-charts-${k}`))));
  const inFile = (html.match(/class="sf-chart"/g) ?? []).length;
  result(name, 'every chart draws', charts[0] === inFile && charts[1] === inFile && charts[2] === 0, `${charts[1]}/${inFile} drawn, ${charts[2]} failed`);
  const svgs = await page.$$eval('.sf-chart', (els) => els.filter((e) => e.querySelector('.scatterlayer path.js-line, .scatterlayer path.point, .barlayer path, .heatmaplayer image, .hm image')).length);
  result(name, 'every chart has plotted marks', svgs === inFile, `${svgs}/${inFile}`);

  const diagram = await page.$('.sf-overview svg');
  if (diagram) {
    const d = await diagram.evaluate((svg) => {
      const r = svg.getBoundingClientRect();
      const vb = svg.viewBox.baseVal;
      return { width: r.width, scale: r.width / vb.width, page: document.documentElement.clientWidth };
    });
    result(name, 'the overview diagram fits the viewport width', d.width <= d.page, `${Math.round(d.width)} px in ${d.page} px`);
    const sectors = await page.$$eval('.sf-sector-diagrams svg', (els) => els.map((svg) => {
      const r = svg.getBoundingClientRect();
      return { fits: r.right <= document.documentElement.clientWidth + 1, scale: r.width / svg.viewBox.baseVal.width };
    }));
    const smallest = Math.min(...sectors.map((s) => s.scale));
    result(name, 'each sector diagram fits the width with labels at least 7 px high', sectors.every((s) => s.fits) && smallest * 11 >= 7, `${sectors.length} sectors, smallest label ${(smallest * 11).toFixed(1)} px`);
  }

  const explorer = await page.$('.sf-explorer');
  if (explorer) {
    await page.waitForFunction(() => document.querySelector('.sf-explorer')?.getAttribute('data-explorer-ready') === 'true', null, { timeout: 60_000 }).catch(() => {});
    const before = await explorerData(page);
    const slider = await page.$('.sf-explorer input[type=range]');
    if (slider) {
      // A reader moves a slider with the explorer on screen: charts out of view redraw when scrolled to.
      await slider.scrollIntoViewIfNeeded();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await slider.evaluate((s) => { s.value = String(Number(s.min) + 0.9 * (Number(s.max) - Number(s.min))); s.dispatchEvent(new Event('input', { bubbles: true })); });
      const after = await explorerData(page);
      const ms = await explorer.getAttribute('data-explorer-ms');
      result(name, 'moving a slider changes the plotted data', before !== after, `${await slider.getAttribute('data-constant')}; redrawn in ${ms} ms`);
    }
    const box = await page.$('.sf-explorer input[type=checkbox]');
    if (box) {
      const lines = await explorerLines(page);
      await box.check();
      const more = await explorerLines(page);
      result(name, 'ticking an intervention adds its line', more > lines, `${lines} → ${more} lines, ${await box.getAttribute('data-scenario')}`);
    }
    await explorer.screenshot({ path: join(outDir, `${name}-explorer.png`) });
  }
  result(name, 'no console errors', errors.length === 0, errors.slice(0, 3).join(' | '));
  result(name, 'no network requests', requests.length === 0, requests.slice(0, 3).join(' '));
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
  for (const id of ['diagram', 'baseline', 'record', 'interventions']) {
    const section = await page.$(`#${id}`);
    if (section) await section.screenshot({ path: join(outDir, `${name}-${id}.png`) });
  }
  await context.close();
}

if (!executablePath) {
  console.error('check-report: no chromium found (apt-get install chromium, or set CHROMIUM)');
  process.exit(1);
}
const pages = [];
if (htmlArg) pages.push(resolve(htmlArg));
else {
  for (const model of models) {
    const file = join(outDir, `${basename(model, extname(model))}.html`);
    const r = spawnSync(process.execPath, ['dist/cli/main.js', 'report', model, '--html', file], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) { console.error(`check-report: stockflow report ${model} failed (exit ${r.status})`); process.exit(1); }
    pages.push(file);
  }
}
const browser = await chromium.launch({ executablePath, args: ARGS });
try {
  for (const file of pages) {
    try {
      await check(browser, file, basename(file, extname(file)));
    } catch (e) {
      result(basename(file), 'the page could be checked', false, String(e).split('\n')[0]);
    }
  }
} finally {
  await browser.close();
}
console.log(`check-report: screenshots in ${outDir}`);
console.log(`report-check: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
