/** `stockflow plot` and `stockflow report` as a user runs them (the built CLI). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempDir, tempFile } from '../cli/cli-helpers.js';

const charts = (html: string) => (html.match(/class="sf-chart"/g) ?? []).length;

test('plot writes one offline chart of the chosen variables against the scenarios', () => {
  const file = join(tempDir(), 'tea.html');
  const r = cli('plot', 'models/teacup.yaml', '--vars', 'Teacup Temperature', '--scenario', 'cold-room,thin-cup', '--html', file);
  assert.is(r.code, 0, r.stderr);
  const html = readFileSync(file, 'utf8');
  assert.is(charts(html), 1);
  assert.ok(html.includes('window.Plotly'), 'plotly.js is inlined');
  assert.not.ok(/<script[^>]+src=/i.test(html));
  const fig = JSON.parse(html.match(/<script type="application\/json" id="chart-1-data">(.*?)<\/script>/s)![1]);
  assert.equal(fig.data.filter((t: { fill?: string }) => !t.fill).map((t: { name: string }) => t.name), ['baseline', 'cold-room · L12', 'thin-cup · L9']);
});

test('plot --json - prints the figure', () => {
  const r = cli('plot', 'models/teacup.yaml', '--vars', 'Teacup Temperature,Heat Loss to Room', '--json=-');
  assert.is(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).data.map((t: { name: string }) => t.name), ['Teacup Temperature', 'Heat Loss to Room']);
});

test('plot reports unknown variables and scenarios as model problems, and bad usage as usage errors', () => {
  const v = cli('plot', 'models/teacup.yaml', '--vars', 'Teacup Temprature', '--html', join(tempDir(), 'x.html'));
  assert.is(v.code, 1);
  assert.match(v.stderr, /unknown variable 'Teacup Temprature'.*did you mean 'Teacup Temperature'/s);
  const s = cli('plot', 'models/teacup.yaml', '--vars', 'Teacup Temperature', '--scenario', 'cold-rom', '--json=-');
  assert.is(s.code, 1);
  assert.match(s.stderr, /no scenario 'cold-rom'.*did you mean 'cold-room'/s);
  const u = cli('plot', 'models/teacup.yaml', '--vars', 'Teacup Temperature', '--html', '-');
  assert.is(u.code, 2);
  assert.match(u.stderr, /--html/);
  assert.not.match(u.stderr + v.stderr + s.stderr, /\n\s+at /);
});

test('report writes one self-contained page with the sections the model supports', () => {
  const file = join(tempDir(), 'sub', 'teacup.html');
  const r = cli('report', 'models/teacup.yaml', '--html', file, '--uncertainty', '8', '--samples', '4');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /report: wrote .*teacup\.html/);
  assert.match(r.stdout, /no loop dominance section: no group of interacting stocks has more than one feedback loop/);
  const html = readFileSync(file, 'utf8');
  for (const id of ['model', 'diagram', 'baseline', 'interventions', 'sensitivity']) assert.ok(html.includes(`<section id="${id}">`), id);
  assert.not.ok(html.includes('<section id="loops">'));
  assert.ok(html.includes('<svg xmlns="http://www.w3.org/2000/svg" class="sf-diagram"'));
  assert.ok(charts(html) >= 6, `${charts(html)} charts`);
  assert.not.ok(/<(script|link|img)[^>]+(src|href)=["']?https?:/i.test(html));
});

test('a broken model gives diagnostics and exit 1, and no half-written report', () => {
  const model = tempFile('broken.yaml', 'sim: { start: 0, stop: 1, dt: 1 }\nauxiliaries:\n  a: { equation: b + 1 }\n');
  const out = join(tempDir(), 'r.html');
  const r = cli('report', model, '--html', out);
  assert.is(r.code, 1);
  assert.match(r.stderr, /unknown-variable|unknown variable/);
  assert.not.ok(existsSync(out));
  assert.is(cli('report', 'models/teacup.yaml', '--sensitivity', 'magic').code, 2);
});

test('plot without --html or --json writes build/plots/<model>.html, as report writes build/reports/<model>.html', () => {
  const r = cli('plot', 'models/teacup.yaml', '--vars', 'Teacup Temperature');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /plot: wrote build\/plots\/teacup\.html/);
  assert.ok(existsSync(join(ROOT, 'build/plots/teacup.html')));
});

test.run();
