/** HTML pieces: safe embedding, the page's draw script, notebook outputs. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chartPage, notebookCharts, renderPage, scriptJson, scriptSource, escapeHtml, type Figure } from '../../src/plot/index.js';
import { EXPLORER_CSS, PAGE_CSS, ZOOM_CSS } from '../../src/plot/html/styles.js';

const fig: Figure = { data: [{ type: 'scatter', x: [1, 2], y: [3, 4], name: '</script><script>alert(1)</script>' }], layout: { title: { text: 'a < b' } } };
const FAKE_PLOTLY = 'window.Plotly={newPlot:function(){return Promise.resolve()}};var s="</script><!--<script>";';

test('JSON and JavaScript inside <script> cannot close it or switch parser state', () => {
  const json = scriptJson(fig);
  assert.not.ok(/<\/script|<!--|<script/i.test(json));
  assert.equal(JSON.parse(json), fig);
  const js = scriptSource(FAKE_PLOTLY);
  assert.not.ok(/<\/script|<!--|<script/i.test(js));
  // eslint-disable-next-line no-new-func
  assert.is(new Function("window", `${js}; return s;`)({}), '</script><!--<script>');
  assert.is(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('a page inlines plotly.js, loads nothing remote, and has one data block per chart', () => {
  const html = chartPage(fig, 'Title <1>', FAKE_PLOTLY);
  assert.ok(html.startsWith('<!doctype html>'));
  assert.not.ok(/<(script|link|img)[^>]+(src|href)=/i.test(html));
  assert.is((html.match(/class="sf-chart"/g) ?? []).length, 1);
  assert.ok(html.includes('<title>Title &lt;1&gt;</title>'));
  assert.ok(html.includes('data-charts-drawn'));
  // the only </script> tags are the real ones: plotly, the figure data, the draw script, the zoom script
  assert.is((html.match(/<\/script>/g) ?? []).length, 4);
});

test('the page has one <style> with the page, zoom box and explorer rules once each, all from styles.ts (zoom.ts holds only its script)', async () => {
  const html = renderPage({ title: 't', sections: [] }, '');
  const styles = html.match(/<style>([\s\S]*?)<\/style>/g) ?? [];
  assert.is(styles.length, 1);
  assert.is(styles[0], `<style>${PAGE_CSS}</style>`);
  for (const part of [ZOOM_CSS, EXPLORER_CSS]) assert.is(PAGE_CSS.split(part).length, 2, part);
  for (const rule of ['.sf-zoom{', '.sf-zoom button{', '.sf-explorer-controls{', '.sf-slider{', '.sf-explorer-chart{', 'main{']) assert.is(styles[0]!.split(rule).length, 2, rule);
  assert.equal(Object.keys(await import('../../src/plot/html/zoom.js')), ['ZOOM_SCRIPT']);
});

test('sections appear in the navigation in order', () => {
  const html = renderPage({ title: 't', sections: [{ id: 'a', title: 'First', html: 'x' }, { id: 'b', title: 'Second', html: 'y' }] }, '');
  assert.ok(html.indexOf('href="#a"') < html.indexOf('href="#b"'));
  assert.ok(html.includes('<section id="b"><h2>Second</h2>'));
});

test('notebook outputs inline plotly.js once, then only wait for it; ids are unique and stable', () => {
  const show = notebookCharts(FAKE_PLOTLY);
  const first = show(fig);
  const second = show(fig);
  assert.ok(first.includes('window.Plotly={newPlot'));
  assert.not.ok(second.includes('window.Plotly={newPlot'));
  const id = (s: string) => s.match(/<div id="([^"]+)"/)![1];
  assert.is.not(id(first), id(second));
  assert.is(id(notebookCharts(FAKE_PLOTLY)(fig)), id(first));
});

test.run();
