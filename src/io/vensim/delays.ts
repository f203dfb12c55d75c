/**
 * Vensim's discrete delays beyond DELAY FIXED, and the functions stockflow refuses because
 * their Vensim semantics cannot be reproduced (Vensim reference, "Dynamic Functions";
 * docs/builtins.md). What is translated is exact; what is not is a located
 * `unsupported-construct` that names what is missing, never an approximation.
 *
 * - DELAY MATERIAL(input, delay time, initial value, missval) and DELAY INFORMATION(input,
 *   delay time, initial value) are "the same as DELAY FIXED except that delay time can be a
 *   variable": with a delay time that cannot change during the run they are DELAY FIXED
 *   (missval is used only when the delay time grows). How they reschedule (material) or
 *   skip and hold (information) values when it changes is described but not specified
 *   step by step, so a changing delay time is refused.
 * - DELAY CONVEYOR(input, ctime, leak, initprofile, inittot, initctime) with a constant
 *   conveyance time, no leakage, a flat initial profile and initctime = ctime releases the
 *   initial contents evenly over the first ctime (inittot/initctime) and then the input
 *   ctime later: DELAY FIXED(input, ctime, inittot/initctime). A constant leak rate is
 *   read from the reference's leakage equations (leakyConveyor below); a varying leak
 *   rate, speed changes and shaped profiles depend on discretisation the reference does
 *   not give.
 * - DELAY PROFILE scales its profile lookup to the delay time by rules the reference does
 *   not give; SHIFT IF TRUE rewrites the values of the level passed to it, in place, during
 *   the equation pass. Both are refused.
 */
import { error } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import { bin, call, num, type Expr } from '../../expr/ast.js';
import type { Definition, VExpr } from './ast.js';
import { printExpr } from './print.js';
import { varRef } from './resolve.js';
import { where, type Scope } from './scope.js';
import { arity, translateAll } from './translate.js';

type Call = Extract<VExpr, { k: 'call' }>;

const ARITY: Readonly<Record<string, number>> = {
  delay_material: 4, delay_information: 3, delay_conveyor: 6, delay_profile: 5, shift_if_true: 5,
};

export const VENSIM_DELAYS: ReadonlySet<string> = new Set(Object.keys(ARITY));

export function translateDelay(id: string, e: Call, sc: Scope): Expr | undefined {
  const { index } = sc;
  const fail = (what: string, hint: string) => {
    index.diags.push(error('unsupported-construct', `${e.fn}: ${what}`, where(sc, e.pos, { hint })));
    return undefined;
  };
  if (!arity(e, sc, ARITY[id])) return undefined;
  if (id === 'shift_if_true') {
    return fail('shifting the elements of a level in place is not supported (stockflow equations cannot change another variable)',
      'model the aging chain with explicit flows, e.g. an outflow of cohort/TIME STEP when the condition holds');
  }
  if (id === 'delay_profile') {
    return fail('delay profiles are not supported (the reference says the profile lookup is scaled to a probability distribution whose mean is the delay time, but not how its x axis is mapped to time, how it is spread over TIME STEPs, nor how init grow shapes the initial contents)',
      'use DELAY N or DELAY FIXED, or build the response from stocks');
  }
  if (id === 'delay_conveyor') return conveyor(e, sc, fail);
  const a = translateAll(e.args, sc);
  if (!a) return undefined;
  if (index.constantValue(a[1]) === undefined) {
    return fail(`a delay time that changes during the run is not supported; ${id === 'delay_material' ? 'material delays' : 'information delays'} are run only with a constant delay time (then they are DELAY FIXED)`,
      id === 'delay_material' ? 'use DELAY N or DELAY3 for a material delay with a varying delay time' : 'use SMOOTH N or SMOOTH3 for an information delay with a varying delay time');
  }
  return call('delay_fixed', a[0], a[1], a[2]);
}

function conveyor(e: Call, sc: Scope, fail: (what: string, hint: string) => undefined): Expr | undefined {
  const { index } = sc;
  const [input, ctime, leak, profile, total, initTime] = e.args;
  const table = profile.k === 'ref' ? index.vars.get(canonicalName(profile.name)) : undefined;
  if (!table?.lookup) {
    index.diags.push(error('bad-argument', 'the fourth argument of DELAY CONVEYOR must name the lookup of the initial profile', where(sc, profile.pos)));
    return undefined;
  }
  const a = translateAll([input, ctime, leak, total, initTime], sc);
  if (!a) return undefined;
  const [x, c, l, tot, c0] = a;
  const time = index.constantValue(c);
  // The reference is silent on a negative leak (it adds material) and on leak·TIME STEP > 1
  // (a step leaks more than the belt holds); either makes the outflow change sign.
  const rate = index.constantValue(l);
  const step = index.initialValue(DT);
  const leaky: [boolean, string, string][] = [
    [rate !== undefined && rate < 0, `a leak rate of ${rate} (negative) would add material to the conveyor`, 'give a leak rate of 0 or more: the fraction of the contents that leaks per time unit'],
    [rate !== undefined && step !== undefined && rate * step > 1, `a leak rate of ${rate} takes ${rate! * step!} of the contents in one TIME STEP of ${step}, more than the conveyor holds`, `give a leak rate of at most 1/TIME STEP = ${1 / step!}, or a smaller TIME STEP`],
  ];
  for (const [, what, hint] of leaky.filter(([bad]) => bad)) index.diags.push(error('bad-argument', `${e.fn}: ${what}`, where(sc, leak.pos, { hint })));
  if (leaky.some(([bad]) => bad)) return undefined;
  const problems: [boolean, string, string][] = [
    [time === undefined, 'a conveyance time that changes during the run is not supported', 'use a constant conveyance time'],
    [index.constantValue(l) === undefined, 'a leak rate that changes during the run is not supported', 'use a constant leak rate'],
    // inittot/initctime is the initial release a time unit: no belt has a length of 0 or less
    [time !== undefined && !(time > 0), `a conveyance time of ${time} (not a positive number) is not supported`, 'give a conveyance time of at least one TIME STEP'],
    [time !== undefined && index.constantValue(c0) !== time, 'an initial conveyance time different from the conveyance time is not supported', 'give the conveyance time as the last argument'],
    [!table.defs.every(isFlat), 'an initial profile that is not flat is not supported', 'use a lookup with the same positive value at every point'],
  ];
  const found = problems.filter(([bad]) => bad);
  found.forEach(([, what, hint]) => fail(what, hint));
  if (found.length) return undefined;
  if (index.constantValue(l) === 0) return call('delay_fixed', x, c, bin('/', tot, c0));
  return leakyConveyor(x, c, l, bin('/', tot, c0), sc);
}

const DT: Expr = { kind: 'ref', id: 'dt', name: 'dt' };

/**
 * DELAY CONVEYOR with a constant leak rate: "the amount of material is decreased
 * proportionally across the entire conveyor, including newly added input", the leakage of
 * a step being leak·(contents + TIME STEP·(input − output)) (Vensim reference,
 * fn_delay_conveyor.html). Each step every batch still on the belt, the one just put on
 * included and the one leaving excluded, keeps g = 1 − leak·TIME STEP of itself: a batch
 * that rides N = ctime/TIME STEP steps (a pipeline's count, at least one) arrives as g^N of
 * what entered, and the initial contents, inittot/initctime a time unit on each slat, arrive
 * as g^k in step k. The reference's own level `convey total = INTEG(input − output − leakage,
 * inittot)` then holds exactly what is on the belt (test/io/vensim/conveyor-leak.test.ts).
 */
function leakyConveyor(x: Expr, c: Expr, leak: Expr, first: Expr, sc: Scope): Expr {
  const g = bin('-', num(1), bin('*', leak, DT));
  const steps = call('max', num(1), call('round', bin('/', c, DT)));
  const arrived = bin('*', call('delay_fixed', x, c, num(0)), bin('^', g, steps));
  if (sc.probe) return arrived;
  const name = sc.index.freshName(`${sc.variable} conveyor`);
  // before the belt has turned once, the initial contents: the previous step's outflow times g
  const initial = call('previous', bin('*', varRef(name), g), first);
  const e: Expr = { kind: 'if', cond: bin('>', call('delay_fixed', num(1), c, num(0)), num(0.5)), then: arrived, else: initial };
  sc.index.addSynthetic({ k: 'var', v: { kind: 'aux', name, id: canonicalName(name), equation: printExpr(e), doc: `DELAY CONVEYOR with leakage of ${sc.variable}.`, partOf: sc.partOf ?? sc.variable } });
  return varRef(name);
}

/** A lookup definition whose points all have the same positive y. */
function isFlat(d: Definition): boolean {
  if (d.body.k !== 'lookup' || d.body.points.length === 0) return false;
  const y = d.body.points[0][1];
  return y > 0 && d.body.points.every((p) => p[1] === y);
}
