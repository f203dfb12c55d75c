/**
 * A compiled model as plain JSON, to run somewhere else (the report's explorer runs it in
 * the browser): the generated code, its layout with the maps as entry lists, and the lookup
 * tables. The code is what compile.ts emitted from the whitelisted AST (slot indices,
 * numbers and runtime calls only), never equation text, so loading it elsewhere is as safe
 * as running it here.
 */
import type { LookupTable, SimSpec } from '../model/types.js';
import { instantiate, type CompiledModel } from './compile.js';
import type { Layout } from './layout.js';

export interface PortableModel {
  readonly code: string;
  readonly sim: SimSpec;
  readonly tables: readonly LookupTable[];
  readonly layout: Omit<Layout, 'slotOf' | 'lookupOf'> & { readonly slotOf: [string, number][]; readonly lookupOf: [string, number][] };
  readonly evaluationOrder: readonly number[];
  readonly varyingClock: boolean;
  readonly clockReadsModel: boolean;
  readonly captures: boolean;
}

export function toPortable(m: CompiledModel): PortableModel {
  return {
    code: m.code, sim: m.sim, tables: m.tables,
    layout: { ...m.layout, slotOf: [...m.layout.slotOf], lookupOf: [...m.layout.lookupOf] },
    evaluationOrder: m.evaluationOrder, varyingClock: m.varyingClock, clockReadsModel: m.clockReadsModel, captures: m.captures,
  };
}

export function fromPortable(p: PortableModel): CompiledModel {
  const layout: Layout = { ...p.layout, slotOf: new Map(p.layout.slotOf), lookupOf: new Map(p.layout.lookupOf) };
  return { ...p, layout, ...instantiate(p.code, p.tables, p.sim) };
}
