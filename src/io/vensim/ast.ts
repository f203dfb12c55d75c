/**
 * The Vensim-side syntax tree: what the .mdl parser produces before translation into the
 * native equation language. Offsets (`pos`) point into the whole file text.
 */

/** A subscript in brackets: an element or a dimension name; `!` marks a reduced dimension. */
export interface Sub {
  readonly name: string;
  readonly bang: boolean;
  readonly pos: number;
}

export type LookupPoints = readonly (readonly [number, number])[];

export type VExpr =
  | { readonly k: 'num'; readonly value: number; readonly pos: number }
  | { readonly k: 'str'; readonly value: string; readonly pos: number }
  | { readonly k: 'na'; readonly pos: number }
  /** A name, with subscripts if written `name[a, b]`. */
  | { readonly k: 'ref'; readonly name: string; readonly subs: readonly Sub[]; readonly pos: number }
  /**
   * `fn(args)`; `subs` is set for a subscripted lookup call `table[a](x)`; `outputs` names the
   * caller's variables for a macro's further outputs, `M(a, b : out1, out2)`.
   */
  | { readonly k: 'call'; readonly fn: string; readonly subs: readonly Sub[]; readonly args: readonly VExpr[]; readonly pos: number; readonly outputs?: readonly MacroOutput[] }
  | { readonly k: 'unary'; readonly op: '-' | '+' | 'not'; readonly arg: VExpr; readonly pos: number }
  | { readonly k: 'binary'; readonly op: VBinary; readonly left: VExpr; readonly right: VExpr; readonly pos: number }
  /** An inline lookup table, as in `WITH LOOKUP(x, ((0,0),(1,1)))`. */
  | { readonly k: 'table'; readonly points: LookupPoints; readonly pos: number };

export type VBinary = '+' | '-' | '*' | '/' | '^' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

/** Data equation interpolation keywords (Vensim reference, "Data Equations"). */
export type DataMode = 'INTERPOLATE' | 'RAW' | 'HOLD BACKWARD' | 'LOOK FORWARD';

/** One entry that defines (part of) a variable. */
export interface Definition {
  readonly name: string;
  readonly subs: readonly Sub[];
  /** Tuples excluded by `:EXCEPT:`. */
  readonly except: readonly (readonly Sub[])[];
  readonly pos: number;
  readonly units?: string;
  readonly doc?: string;
  readonly body:
    | { readonly k: 'expr'; readonly expr: VExpr; readonly op: '=' | '==' | ':='; readonly mode?: DataMode }
    /** Numbers listed `1, 2; 3, 4` or in a TABBED ARRAY, row-major over the free dimensions. */
    | { readonly k: 'list'; readonly values: readonly number[] }
    | { readonly k: 'lookup'; readonly points: LookupPoints }
    /** A lookup defined by a call, e.g. `tbl( GET XLS LOOKUPS(…) )`. */
    | { readonly k: 'lookupCall'; readonly expr: VExpr }
    /** A data variable without equation (`x :INTERPOLATE:`): its values come from a data file. */
    | { readonly k: 'data'; readonly mode?: DataMode };
}

/** An item of a subscript range definition. */
export type RangeItem =
  | { readonly k: 'name'; readonly name: string; readonly pos: number }
  /** `(a1-a9)`: prefix plus a numeric run. */
  | { readonly k: 'seq'; readonly from: string; readonly to: string; readonly pos: number }
  /** `GET DIRECT SUBSCRIPT(…)` and friends. */
  | { readonly k: 'call'; readonly expr: VExpr; readonly pos: number };

/** One `-> target` of a subscript range: `targets` lists the target's elements or subranges, one per item of the source. */
export interface MappingDef {
  readonly dim: string;
  readonly targets?: readonly string[];
}

export interface DimensionDef {
  readonly name: string;
  readonly items: readonly RangeItem[];
  /** Dimensions this one maps onto: by position (`-> B`), or item by item (`-> (B: SubB, b3)`). */
  readonly mapsTo: readonly MappingDef[];
  /** `A <-> B`: A is an equivalent (copy) of B. */
  readonly equivalentOf?: string;
  readonly pos: number;
}

/** A variable of the calling model that a macro call defines: `M(a : name)`. */
export interface MacroOutput {
  readonly name: string;
  readonly pos: number;
}

export interface MacroDef {
  readonly name: string;
  readonly params: readonly string[];
  /** Further outputs after `:` in `:MACRO: M(a, b : out1, out2)`, beside the one named like the macro. */
  readonly outputs: readonly string[];
  readonly definitions: Definition[];
  readonly pos: number;
}
