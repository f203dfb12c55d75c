/** Reports: buildReport (sections from a model) and reportHtml (the standalone page). */
import { renderPage } from '../html/page.js';
import type { Report } from './build.js';

export { buildReport, type Report, type ReportOptions } from './build.js';
export { baselineGroups, groupSeries, type ChartGroup } from './baseline.js';

/** The report as one self-contained HTML document; `plotlyJs` is the plotly.js bundle's text. */
export function reportHtml(report: Report, plotlyJs: string): string {
  return renderPage(report.page, plotlyJs);
}
