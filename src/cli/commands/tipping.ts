/**
 * `stockflow tipping MODEL --pulse FLOW|--step CONSTANT --duration D [--param NAME=LO:HI]`:
 * the smallest trigger that tips the model out of its stable state, the runs just below and
 * above it, and the recovery time from a smaller trigger as a constant varies.
 */
import type { Argv, CommandModule } from 'yargs';
import { modelEquilibria, num, recoveryCurve, restingState, tippingThreshold, triggerAction, type Trigger, type TriggerOutcome } from '../../analysis/dynamics/index.js';
import { error } from '../../core/diagnostics.js';
import { nameHint } from '../../core/names.js';
import { plotlyScript } from '../../io/html.js';
import { chartBlock, recoveryFigure, renderPage, triggerRunsFigure } from '../../plot/index.js';
import { CliExit, emit, EXIT_MODEL, failOnErrors, usageError } from '../output.js';
import { dynamicsOptions, loadForDynamics, type DynamicsArgs } from './equilibria.js';
import { parseRange } from './sweep.js';
import { write } from './plot.js';
import { outputOption } from '../output-option.js';

interface TippingArgs extends DynamicsArgs {
  pulse?: string; step?: string; duration: number; param?: string; points: number; amplitude?: number; from?: number; json?: string; html?: string;
}

export const tippingCommand: CommandModule<object, TippingArgs> = {
  builder: (y: Argv) => (dynamicsOptions(outputOption(y, ['json', 'html']))
    .option('pulse', { type: 'string', describe: 'the trigger is an extra amount per time unit through this flow' })
    .option('step', { type: 'string', describe: 'the trigger raises this constant' })
    .option('duration', { type: 'number', demandOption: true, describe: 'how long the trigger lasts (model time units)' })
    .option('param', { type: 'string', describe: 'recovery time against this constant: NAME=LO:HI' })
    .option('points', { type: 'number', default: 25, describe: 'values of --param' })
    .option('amplitude', { type: 'number', describe: 'trigger size for the recovery curve (default: half the tipping threshold)' })
    .option('from', { type: 'number', describe: 'tip from this equilibrium (its number in `stockflow equilibria`; default: the stable state the model\'s run settles in)' })
    .option('json', { type: 'string', describe: 'write { state, trigger, threshold, tips_to, recovery } as JSON (- for stdout instead of the text)' })
    .option('html', { type: 'string', describe: 'write the runs around the threshold and the recovery curve to this HTML file' })
    .example('$0 tipping models/retry-storm.yaml --pulse Arrivals --duration 10 --param "Arrival Rate=8:9.6"', 'the spike that tips the retry storm, and recovery near the fold')) as unknown as Argv<TippingArgs>,
  handler: (args) => {
    if (!!args.pulse === !!args.step) throw usageError('give one trigger: --pulse FLOW or --step CONSTANT (not both, not neither)');
    if (!(args.duration > 0) || !Number.isFinite(args.duration)) throw usageError('--duration expects a positive number');
    if (!Number.isInteger(args.points) || args.points < 2 || args.points > 1000) throw usageError('--points expects a whole number from 2 to 1000');
    if (args.amplitude !== undefined && !(Number.isFinite(args.amplitude) && args.amplitude > 0)) throw usageError('--amplitude expects a positive number');
    const range = args.param ? parseRange(args.param, '--param') : undefined;
    const { model, options } = loadForDynamics(args);
    const found = modelEquilibria(model, options);
    failOnErrors(found.diagnostics);
    const s = found.system!;
    const constants = model.variables.filter((v) => v.kind === 'constant').map((v) => v.name);
    const slot = range && s.constantSlot(range.name);
    if (range && slot === undefined) throw new CliExit(EXIT_MODEL, [error('not-a-constant', `--param names '${range.name}', which is not a constant of the model`, { file: model.file, hint: nameHint(range.name, constants, 'the recovery curve varies a constant') })]);
    const stable = found.search!.equilibria.filter((e) => e.stable);
    const fail = (message: string, hint: string) => new CliExit(EXIT_MODEL, [error('no-tipping', message, { file: model.file, hint })]);
    if (!stable.length) throw fail('the model has no stable equilibrium to tip', 'see `stockflow equilibria MODEL`');
    const from = args.from !== undefined ? found.search!.equilibria[args.from - 1] : restingState(s, stable)!;
    if (!from?.stable) throw fail(`equilibrium ${args.from} is not a stable one`, 'pick a stable equilibrium from `stockflow equilibria MODEL` by its number');
    const trigger: Trigger = { kind: args.pulse ? 'pulse' : 'step', target: (args.pulse ?? args.step)!, duration: args.duration };
    const apply = triggerAction(s, trigger);
    if (typeof apply === 'string') throw new CliExit(EXIT_MODEL, [error('unknown-variable', apply, { file: model.file, variable: trigger.target, hint: trigger.kind === 'pulse' ? nameHint(trigger.target, model.variables.filter((v) => v.kind === 'flow').map((v) => v.name), 'name a flow') : nameHint(trigger.target, constants, 'name a constant') })]);
    const guess = Math.max(1e-3, ...Object.values(from.flows).map(Math.abs)) / 16;
    const th = tippingThreshold(s, from, trigger, apply, guess);
    const amplitude = args.amplitude ?? (th.amplitude ?? 0) / 2;
    const values = range ? Array.from({ length: args.points }, (_, k) => range.lo + ((range.hi - range.lo) * k) / (args.points - 1)) : [];
    const recovery = range && amplitude > 0 ? recoveryCurve(s, from, trigger, amplitude, slot!, values) : [];
    const stocks = (x: readonly number[]) => Object.fromEntries(s.stockNames.map((n, i) => [n, x[i]]));
    const doc = {
      state: from.stocks, trigger: { kind: trigger.kind, target: trigger.target, duration: trigger.duration },
      threshold: th.amplitude ?? null, ...(th.failedAt !== undefined ? { run_failed_at: th.failedAt } : {}), tips_to: th.above ? stocks(th.above.end) : null,
      recovery_below_threshold: th.below?.recovery ?? null,
      ...(range ? { parameter: range.name, amplitude, recovery: recovery.map((r) => ({ value: r.value, recovery_time: r.recovery ?? null, tipped: r.tipped, stable_state: r.stable })) } : {}),
    };
    if (args.json) emit(`${JSON.stringify(doc)}\n`, args.json);
    if (args.html) writePage(args.html, model.name, s.stockNames.filter((_, i) => !s.helper[i]), trigger, th, recovery, range?.name, model.sim.timeUnit);
    if (args.json !== '-') {
      const lines = [`Tipping '${model.name}' from its stable state ${s.stockNames.map((n, i) => `${n} = ${num(from.state[i])}`).join(', ')}`,
        `by a ${trigger.kind} of '${trigger.target}' lasting ${num(trigger.duration)}:`];
      lines.push(th.failedAt !== undefined ? `  no trigger tips it into another state: every run returned up to a trigger of ${num(th.failedAt / 2, 4)}, and at ${num(th.failedAt, 4)} the rates become non-finite (the model breaks down, not the system tipping)`
        : th.amplitude === undefined ? '  no trigger up to 2^40 times the first guess tips it'
        : `  smallest trigger that tips it: ${num(th.amplitude, 4)} (to ${s.stockNames.map((n, i) => `${n} = ${num(th.above!.end[i])}`).join(', ')})`);
      for (const r of recovery) lines.push(`  ${range!.name} = ${num(r.value, 5)}: ${r.recovery !== undefined ? `recovers in ${num(r.recovery, 4)}` : r.stable ? 'tipped by a trigger of ' + num(amplitude, 4) : 'no stable state'}`);
      emit(`${lines.join('\n')}\n`);
    }
  },
};

function writePage(file: string, name: string, vars: readonly string[], t: Trigger, th: { amplitude?: number; below?: TriggerOutcome; above?: TriggerOutcome }, recovery: ReturnType<typeof recoveryCurve>, parameter: string | undefined, timeUnit?: string): void {
  const sections = [];
  if (th.below && th.above) {
    vars.slice(0, 3).forEach((v, k) => {
      const i = vars.indexOf(v);
      const run = (label: string, r: TriggerOutcome) => ({ label, time: r.path.map((p) => p.t), values: r.path.map((p) => p.x[i]) });
      const fig = triggerRunsFigure(v, [run(`just below (${num(th.amplitude! * (1 - 1e-4), 4)})`, th.below!), run(`just above (${num(th.amplitude!, 4)})`, th.above!)], t.duration, { timeUnit });
      sections.push({ id: `runs-${k + 1}`, title: `${v} around the threshold`, html: chartBlock(`runs-${k + 1}`, fig) });
    });
  }
  if (parameter && recovery.length) sections.push({ id: 'recovery', title: 'Recovery time', html: chartBlock('recovery', recoveryFigure(parameter, recovery, { timeUnit })) });
  write(file, renderPage({ title: `${name}: tipping by a ${t.kind} of ${t.target}`, sections }, plotlyScript()));
  process.stderr.write(`tipping: wrote ${file}\n`);
}
