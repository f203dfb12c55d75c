/** Numbered chart blocks for one page (ids chart-1, chart-2 … in order of creation). */
import type { Figure } from '../figure.js';
import { chartBlock } from '../html/chart.js';
import { escapeHtml } from '../html/escape.js';

export type AddChart = (fig: Figure, caption?: string) => string;

export function chartCounter(): AddChart {
  let n = 0;
  return (fig, caption) => chartBlock(`chart-${++n}`, fig, caption);
}

/** A plain HTML table; cells are text, numbers are right-aligned. */
export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (c: string | number, tag: string) => `<${tag}${typeof c === 'number' ? ' class="num"' : ''}>${escapeHtml(String(c))}</${tag}>`;
  return `<table><thead><tr>${head.map((h) => cell(h, 'th')).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`).join('')}</tbody></table>`;
}

export { fmt } from '../../analysis/report.js';
