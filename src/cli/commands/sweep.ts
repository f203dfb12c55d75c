/**
 * `stockflow sweep MODEL --param NAME=LO:HI [--json F] [--html F]`: the equilibria as one
 * constant varies, by pseudo-arclength continuation, with folds and Hopf points located; a
 * bifurcation diagram per variable in the HTML.
 */
import { tableWidth, wideOption, type WideArgs } from '../width.js';
import type { Argv, CommandModule } from 'yargs';
import { diagramInput, formatSweep, sweep, sweepJson, sweepValues } from '../../analysis/dynamics/index.js';
import { error } from '../../core/diagnostics.js';
import { nameHint } from '../../core/names.js';
import { splitNames } from '../../io/csv.js';
import { plotlyScript } from '../../io/html.js';
import { bifurcationFigure, chartBlock, renderPage } from '../../plot/index.js';
import { CliExit, emit, EXIT_MODEL, failOnErrors, usageError } from '../output.js';
import { dynamicsOptions, loadForDynamics, type DynamicsArgs } from './equilibria.js';
import { write } from './plot.js';
import { outputOption } from '../output-option.js';

interface SweepArgs extends DynamicsArgs, WideArgs {
  param: string;
  json?: string;
  html?: string;
  vars?: string;
}

/** `NAME=LO:HI` for a swept constant. */
export function parseRange(text: string, option: string): { name: string; lo: number; hi: number } {
  const m = /^(.+)=\s*(-?[\d.eE+-]+)\s*:\s*(-?[\d.eE+-]+)\s*$/.exec(text);
  const lo = m ? Number(m[2]) : NaN, hi = m ? Number(m[3]) : NaN;
  if (!m || !Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) throw usageError(`${option} expects NAME=LO:HI with LO < HI, got '${text}'`);
  return { name: m[1].trim(), lo, hi };
}

export const sweepCommand: CommandModule<object, SweepArgs> = {
  builder: (y: Argv) => (wideOption(dynamicsOptions(outputOption(y, ['json', 'html']))
    .option('param', { type: 'string', demandOption: true, describe: 'the constant to vary: NAME=LO:HI' })
    .option('json', { type: 'string', describe: 'write { branches, folds, hopf } as JSON to this file (- for stdout instead of the text)' })
    .option('html', { type: 'string', describe: 'write bifurcation diagrams (stable solid, unstable dashed) to this HTML file' })
    .option('vars', { type: 'string', describe: 'variables drawn in the HTML, comma-separated (default: the model\'s stocks, at most four)' })
    .example('$0 sweep models/retry-storm.yaml --param "Arrival Rate=5:10" --html sweep.html', 'the metastable band of the retry storm')) ) as unknown as Argv<SweepArgs>,
  handler: (args) => {
    const range = parseRange(args.param, '--param');
    if (args.html === '-' || args.html === '') throw usageError('--html needs a file name');
    const { model, options } = loadForDynamics(args);
    const result = sweep(model, { ...options, parameter: range.name, lo: range.lo, hi: range.hi });
    failOnErrors(result.diagnostics);
    const s = result.sweep!;
    const names = args.vars ? splitNames(args.vars) : s.stockNames.filter((_, i) => !s.system.helper[i]).slice(0, 4);
    const unknown = names.filter((n) => !sweepValues(s, n));
    if (unknown.length) throw new CliExit(EXIT_MODEL, unknown.map((n) => error('unknown-variable', `--vars names unknown variable '${n}'`, { file: model.file, hint: nameHint(n, s.stockNames, `stocks: ${s.stockNames.join(', ')}`) })));
    if (args.json) emit(`${JSON.stringify(sweepJson(s))}\n`, args.json);
    if (args.html) {
      const figures = names.map((n) => bifurcationFigure(diagramInput(s, n)));
      const sections = figures.map((fig, i) => ({ id: `diagram-${i + 1}`, title: names[i], html: chartBlock(`diagram-${i + 1}`, fig) }));
      write(args.html, renderPage({ title: `${model.name}: equilibria against ${s.parameter}`, sections }, plotlyScript()));
      process.stderr.write(`sweep: wrote ${args.html}\n`);
    }
    if (args.json !== '-') emit(formatSweep(s, model.name, tableWidth(args)));
  },
};
