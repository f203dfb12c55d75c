/**
 * Pictures of models and results. Figures are plain Plotly `{ data, layout }` objects
 * (draw them with plotly.js anywhere, or test them as JSON); the diagram is SVG text; pages
 * are standalone HTML strings. Nothing here touches files: io/html.ts reads the plotly.js
 * bundle and writes pages.
 */
export { baseLayout, label, round, roundAll, roundDeep, FIGURE_DIGITS, type Figure, type Layout, type Trace, type AxisOptions } from './figure.js';
export { alpha, interventionColor, levelColor, levelDash, levelName, MEADOWS_LEVELS, seriesColor, SERIES_COLORS } from './palette.js';
export { timeSeriesFigure, type SeriesInput, type TimeSeriesOptions } from './timeseries.js';
export { runsFigure, type NamedRun } from './runs.js';
export { scenarioOverlayFigure, type Band, type OverlayLine, type OverlayOptions } from './overlay.js';
export { ensembleSeries, type BandOptions, type EnsembleSeries, type SeriesBand } from './bands.js';
export { effectMatrixFigure, interventionFigure, probabilityFigure, type InterventionOptions } from './interventions.js';
export { leverageFigure, type LeverageEntry, type LeverageInput } from './leverage.js';
export { loopDominanceFigure, loopDominanceFigures, loopImportance, type LoopDominanceInput, type LoopFigureOptions } from './loops.js';
export { morrisFigure, sensitivityFigure, sobolFigure, tornadoFigure, type SensitivityInput } from './sensitivity.js';
export * from './diagram/index.js';
export { chartBlock, notebookCharts, PLOT_CONFIG } from './html/chart.js';
export { escapeHtml, scriptJson, scriptSource } from './html/escape.js';
export { renderPage, type Page, type PageSection } from './html/page.js';
export { buildReport, reportHtml, baselineGroups, groupSeries, type ChartGroup, type Report, type ReportOptions } from './report/index.js';
export { chartPage } from './page.js';
export { missingNote, missingSeries, withoutMissing } from './missing.js';
export { bifurcationFigure, type BifurcationInput, type DiagramMark, type DiagramPoint } from './bifurcation.js';
export { recoveryFigure, triggerRunsFigure, type RecoveryPoint, type TriggerRun } from './tipping.js';
