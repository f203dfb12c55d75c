/** Reports: buildReport (sections from a model) and reportHtml (the standalone page). */
import { renderPage } from '../html/page.js';
import { scriptSource } from '../html/escape.js';
import type { Report } from './build.js';

export { buildReport, type Report, type ReportOptions } from './build.js';
export { baselineGroups, groupSeries, type ChartGroup } from './baseline.js';

/**
 * The report as one self-contained HTML document; `plotlyJs` is the plotly.js bundle's text,
 * `explorerJs` the explorer's browser script (io/html.ts explorerScript), needed when the
 * report has an explorer section.
 */
export function reportHtml(report: Report, plotlyJs: string, explorerJs?: string): string {
  const explorer = report.page.sections.some((s) => s.id === 'explorer');
  if (explorer && !explorerJs) throw new Error('the report has an explorer but no explorer script was given (npm run build makes dist/explorer.js)');
  return renderPage(explorer ? { ...report.page, scripts: `<script>${scriptSource(explorerJs!)}</script>` } : report.page, plotlyJs);
}
