/**
 * Feedback loops and their dominance: loop discovery (Johnson; strongest-path search above
 * a threshold), link and loop polarity, Loops That Matter scores (2023 flow-to-stock
 * formula with the dt correction), relative scores per cycle partition and dominance
 * periods. Methods: Schoenberg, Davidsen & Eberlein 2020 (SDR 36(2)); Schoenberg, Hayward & Eberlein
 * 2023, "Improving Loops that Matter" (SDR 39(2)); Eberlein & Schoenberg 2020.
 *
 *   const { analysis, diagnostics } = analyzeLoops(model, { labels: 'interval-end' });
 *   analysis.loops[0].relative;           // Float64Array at analysis.time
 *   formatLoopReport(analysis);           // text table and dominance timeline
 *   loopsToJson(analysis);                // the `stockflow loops --json` document
 */
export { analyzeLoops, DEFAULT_MAX_LOOPS, type LoopResult } from './analyze.js';
export { formatLoopReport, type LoopReportOptions } from './report.js';
export { loopsToJson, type LoopsJson } from './json.js';
export { auxLinkScore, flowToStockLinkScore } from './link-scores.js';
export { elementaryCircuits, type Circuits } from './johnson.js';
export { dominantSet } from './dominance.js';
export type {
  DominancePeriod, LabelConvention, LinkPolarity, Loop, LoopAnalysis, LoopLink, LoopOptions, LoopPolarity,
  Partition, PolarityMethod, SearchMethod, Sign,
} from './types.js';
export { loopLabel, matchDeclaredLoops, nameLoops, type NamedLoop } from './declared.js';
