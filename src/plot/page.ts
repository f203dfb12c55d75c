/** A page with one chart: what `stockflow plot --html` writes. */
import type { Figure } from './figure.js';
import { chartBlock } from './html/chart.js';
import { escapeHtml } from './html/escape.js';
import { renderPage } from './html/page.js';

export function chartPage(fig: Figure, title: string, plotlyJs: string, note = ''): string {
  return renderPage({ title, lead: note ? `<p>${escapeHtml(note)}</p>` : undefined, sections: [{ id: 'chart', title: 'Chart', html: chartBlock('chart-1', fig) }] }, plotlyJs);
}
