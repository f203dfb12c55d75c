/**
 * Feedback-loop analysis of a model: find its loops (Johnson, or the strongest-path search
 * above a loop-count threshold), give each link and loop a polarity, and compute Loops
 * That Matter scores, relative scores per cycle partition and dominance periods over a
 * run. Never throws for model problems: they come back as diagnostics.
 */
import { hasErrors, warning, type Diagnostic } from '../../core/diagnostics.js';
import type { Model } from '../../model/types.js';
import type { SimulateOptions } from '../../sim/simulate.js';
import { assembleLoops } from './assemble.js';
import { collapseCircuits } from './collapse.js';
import { dominancePeriods } from './dominance.js';
import { nodeEvaluators } from './evaluators.js';
import { causalGraph, loopLinks } from './graph.js';
import { MAX_VALUES, recordHistory } from './history.js';
import { elementaryCircuits } from './johnson.js';
import { reporting } from './labels.js';
import { linkScores } from './link-scores.js';
import { linkPolarities } from './polarity.js';
import { strongestPathCircuits } from './strongest-path.js';
import { nameLoops } from './declared.js';
import type { LoopAnalysis, LoopOptions, SearchMethod } from './types.js';

/** Stella's default threshold for switching to the strongest-path search. */
export const DEFAULT_MAX_LOOPS = 1000;

export interface LoopResult {
  readonly analysis?: LoopAnalysis;
  readonly diagnostics: Diagnostic[];
}

export function analyzeLoops(model: Model, options: LoopOptions & SimulateOptions = {}): LoopResult {
  const maxLoops = options.maxLoops ?? DEFAULT_MAX_LOOPS;
  const labels = options.labels ?? 'interval-end';
  const recorded = recordHistory(model, options, options.maxValues ?? MAX_VALUES);
  const diagnostics = [...recorded.diagnostics];
  const h = recorded.history;
  if (!h || hasErrors(diagnostics)) return { diagnostics };
  const where = { file: model.file };

  const g = causalGraph(h.program);
  const links = loopLinks(g);
  const evals = nodeEvaluators(g, h);
  const ls = linkScores(g, h, evals, links);
  for (const z of ls.unevaluated) {
    diagnostics.push(warning('ltm-unscored', `the equation of '${g.nodes[z].name}' cannot be re-evaluated for loop scores; its incoming links score 0`, { ...where, variable: g.nodes[z].name }));
  }

  let search: SearchMethod = 'exhaustive';
  let circuits: number[][];
  const exhaustive = options.strongestPath ? undefined : elementaryCircuits(g.out, maxLoops);
  if (exhaustive && !exhaustive.truncated) circuits = exhaustive.circuits;
  else {
    search = 'strongest-path';
    const found = strongestPathCircuits(g, links, ls.scores, Math.max(maxLoops, 1) * 10);
    circuits = found.circuits;
    const why = exhaustive ? `the model has more than ${maxLoops} feedback loops, so they were` : 'loops were';
    diagnostics.push(warning('ltm-strongest-path', `${why} found by the strongest-path search (${circuits.length} found${found.truncated ? ', stopped early' : ''}): weak loops may be missing, and relative loop scores are shares of the loops found only`, {
      ...where, hint: exhaustive ? 'raise --max-loops to enumerate every loop' : undefined,
    }));
  }

  const groups = collapseCircuits(g, circuits);
  const polarity = linkPolarities(g, h, evals, links, ls.scores);
  const rep = reporting(h, labels);
  const nameOf = (id: string) => h.program.byId.get(id)?.name ?? id;
  const assembled = assembleLoops(g, groups, ls, polarity, rep, nameOf);
  const { loops, unmatched } = nameLoops(model.loops, assembled.loops);
  const { partitions } = assembled;
  for (const d of unmatched) {
    diagnostics.push(warning('loop-not-found', `loop ${d.id} (${d.name}) declared by the model matches no loop found${search === 'strongest-path' ? ' by the strongest-path search' : ''}`, {
      ...where, field: `loops.${d.id}`, hint: `list variables one loop passes through${d.polarity ? `, with polarity ${d.polarity}` : ''}; \`stockflow loops\` lists the loops found`,
    }));
  }
  const dominance = dominancePeriods({ time: rep.time, loops });
  const analysis: LoopAnalysis = {
    model: model.name, time: rep.time, labels, dt: h.sim.dt, search, loops, partitions, dominance,
  };
  return { analysis, diagnostics };
}
