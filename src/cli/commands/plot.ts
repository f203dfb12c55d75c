/**
 * `stockflow plot MODEL --vars a,b [--scenario x,y] --html FILE`: one chart of the chosen
 * variables, under the baseline and any interventions, as a standalone offline page
 * (plotly.js inlined) and/or the Plotly figure as JSON.
 */
import type { Argv, CommandModule } from 'yargs';
import { splitNames } from '../../io/csv.js';
import { readModelFile } from '../../io/load.js';
import { plotlyScript, writeHtml } from '../../io/html.js';
import { basename, extname } from 'node:path';
import { clockOf } from '../../model/clock.js';
import { onClock } from '../../plot/clock-axis.js';
import { error, ModelError, type Diagnostic } from '../../core/diagnostics.js';
import { canonicalName, didYouMean } from '../../core/names.js';
import type { Model } from '../../model/types.js';
import { simulate } from '../../sim/simulate.js';
import type { SimulationResult } from '../../sim/result.js';
import type { SeriesInput } from '../../plot/index.js';
import { applyScenarioById } from '../../scenarios/index.js';
import { chartPage, missingNote, missingSeries, runsFigure, withoutMissing, scenarioOverlayFigure, timeSeriesFigure, type Figure } from '../../plot/index.js';
import { CliExit, defaultOutput, emit, EXIT_MODEL, failOnErrors, usageError, writing } from '../output.js';
import { simOptions, toSimulateOptions, type SimArgs, toReadOptions, scenarioOption, scenarioList, type ScenarioArgs } from '../options.js';
import { outputOption } from '../output-option.js';

interface PlotArgs extends SimArgs, ScenarioArgs {
  model: string;
  vars: string;
  html?: string;
  json?: string;
  title?: string;
}

export const plotCommand: CommandModule<object, PlotArgs> = {
  builder: (y: Argv) => (scenarioOption(simOptions(outputOption(y, ['html', 'json'])), "comma-separated scenario ids to draw against the baseline, or 'all'")
    .positional('model', { type: 'string', demandOption: true, describe: 'model file' })
    .option('vars', { type: 'string', demandOption: true, describe: 'comma-separated variables to draw' })
    .option('html', { type: 'string', describe: 'write a standalone HTML page with the chart to this file (default without --json: build/plots/<model>.html)' })
    .option('json', { type: 'string', describe: 'write the Plotly figure { data, layout } as JSON (- for stdout)' })
    .option('title', { type: 'string', describe: 'chart title' })
    .example('$0 plot models/kinesis-outage.yaml --vars kinesis_availability --scenario all', 'one line per intervention, written to build/plots/kinesis-outage.html')) as unknown as Argv<PlotArgs>,
  handler: (args) => {
    if (args.html === '-' || args.html === '') throw usageError('--html needs a file name');
    const html = args.html ?? (args.json ? undefined : defaultOutput(`build/plots/${basename(args.model, extname(args.model))}.html`));
    const options = toSimulateOptions(args);
    const loaded = readModelFile(args.model, toReadOptions(args));
    failOnErrors(loaded.diagnostics);
    const model = loaded.model!;
    const wanted = splitNames(args.vars);
    if (!wanted.length) throw usageError('--vars needs at least one name');
    try {
      const list = scenarioList(args.scenario, 'none');
      const ids = list === 'all' ? (model.scenarios ?? []).map((s) => s.id) : list;
      const runs = [{ id: 'baseline', model, result: simulate(model, options) }];
      for (const id of ids) {
        const m = applyScenarioById(model, id);
        runs.push({ id, model: m, result: simulate(m, options) });
      }
      const vars = knownVariables(runs[0].result, wanted, model.file);
      const missing = runs.flatMap((r) => missingSeries(r.result, vars).map((m) => ({ ...m, name: runs.length > 1 ? `${m.name} · ${r.id}` : m.name })));
      const note = missing.length ? missingNote(missing, runs[0].result.time.length) : '';
      if (note) process.stderr.write(`plot: ${note}\n`);
      const drawn = runs.map((r) => ({ ...r, result: withoutMissing(r.result) }));
      const fig = onClock(figure(model, drawn, vars, args.title), clockOf(model.sim));
      if (args.json) emit(`${JSON.stringify(fig)}\n`, args.json);
      if (html) {
        write(html, chartPage(fig, args.title ?? `${model.name}: ${vars.join(', ')}`, plotlyScript(), `${model.name}${model.file ? ` (${model.file})` : ''}${note ? `. ${note}` : ''}`));
        process.stderr.write(`plot: wrote ${html}\n`);
      }
    } catch (e) {
      if (e instanceof ModelError) throw new CliExit(EXIT_MODEL, e.diagnostics);
      throw e;
    }
  },
};

function figure(model: Model, runs: { id: string; model: Model; result: SeriesInput }[], vars: string[], title?: string): Figure {
  const timeUnit = model.sim.timeUnit;
  const units = model.variables.find((v) => v.id === canonicalName(vars[0]))?.units;
  if (runs.length === 1) return timeSeriesFigure(runs[0].result, vars, { title, timeUnit, yTitle: vars.length === 1 ? units : undefined });
  if (vars.length > 1) return runsFigure(runs, vars, { title, timeUnit });
  const byId = new Map((model.scenarios ?? []).map((s) => [s.id, s]));
  const line = (r: (typeof runs)[number]) => ({ id: r.id, title: byId.get(r.id)?.title, leverage: byId.get(r.id)?.leverage?.level ?? null, time: r.result.time, values: r.result.series(vars[0]) });
  return scenarioOverlayFigure(vars[0], line(runs[0]), runs.slice(1).map(line), { title, timeUnit, units });
}

/** The names as the results spell them; unknown names are model diagnostics with a did-you-mean. */
export function knownVariables(result: SimulationResult, wanted: readonly string[], file?: string): string[] {
  const known = new Map(result.columns.map((c) => [c.id, c.name]));
  const problems: Diagnostic[] = [];
  for (const w of wanted) {
    if (known.has(canonicalName(w))) continue;
    const guess = didYouMean(canonicalName(w), known.keys());
    problems.push(error('unknown-variable', `--vars names unknown variable '${w}'`, { file, hint: guess ? `did you mean '${known.get(guess)}'?` : 'see `stockflow run MODEL` for the variable names' }));
  }
  if (problems.length) throw new CliExit(EXIT_MODEL, problems);
  return wanted.map((w) => known.get(canonicalName(w))!);
}

/** Writes a page; a bad path is a usage error, not a stack trace. */
export function write(file: string, html: string): void {
  writing(file, () => writeHtml(file, html));
}
