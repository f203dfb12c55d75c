/**
 * Vensim functions that its reference names but does not define closely enough to run
 * them the way Vensim does (docs/builtins.md, "Vensim functions that are refused"). A
 * call is a located `unsupported-construct` that says what the reference leaves open,
 * rather than an `unknown-function`.
 */
import { error } from '../../core/diagnostics.js';
import type { VExpr } from './ast.js';
import { where, type Scope } from './scope.js';

interface Refusal {
  /** What the reference does not give. */
  readonly missing: string;
  readonly hint: string;
}

const REFUSED: Readonly<Record<string, Refusal>> = {
  random_lookup: {
    missing: 'the reference says only that the lookup is used as the probability density, not how its points make the density (steps or lines between them) nor what its x range means for min and max',
    hint: 'draw with RANDOM UNIFORM(0, 1, seed) and read the inverse of the cumulative distribution from a lookup of your own',
  },
  net_present_value: {
    missing: 'the reference does not give how the stream is accumulated over a fiscal period and discounted at the offset step by step',
    hint: 'use NPV or NPVE, whose reference equations are read exactly',
  },
  delay_batch: {
    missing: 'the reference (release notes 4.1) describes it in words only: it does not say whether a batch takes the whole backlog or exactly the batch size, nor how the released batch is given out as a flow',
    hint: 'model the batch with a level and SAMPLE IF TRUE, or with DELAY FIXED of the released batches',
  },
};

export const REFUSED_FUNCTIONS: ReadonlySet<string> = new Set(Object.keys(REFUSED));

export function refuse(id: string, e: Extract<VExpr, { k: 'call' }>, sc: Scope): undefined {
  const r = REFUSED[id];
  sc.index.diags.push(error('unsupported-construct', `${e.fn} is not supported: ${r.missing}`, where(sc, e.pos, { hint: r.hint })));
  return undefined;
}
