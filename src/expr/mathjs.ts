/**
 * The two mathjs instances the equation language needs, each built on first use with
 * `create()` from only the factories it uses, instead of importing mathjs's default instance
 * (which sets up every function and type, about half a second of start-up).
 *
 * - `mathParse`: the parser and its node classes. Number literals are plain JavaScript
 *   numbers (the default instance's `number` config); the node classes' evaluation-time
 *   dependencies (`subset`, `size`) are never called because equations are compiled by
 *   stockflow, not evaluated by mathjs, so they are stand-ins that throw.
 * - `mathDerivative`: symbolic differentiation for link polarity (derivative.ts).
 */
import {
  create, factory, createTyped, createParse, createNode, createResultSet, createAccessorNode, createArrayNode,
  createAssignmentNode, createBlockNode, createConditionalNode, createConstantNode, createFunctionAssignmentNode,
  createFunctionNode, createIndexNode, createObjectNode, createOperatorNode, createParenthesisNode, createRangeNode,
  createRelationalNode, createSymbolNode, derivativeDependencies, parseDependencies, type MathNode,
} from 'mathjs';

const notForEquations = (name: string) => factory(name, [], () => () => {
  throw new Error(`mathjs's ${name} is not available to equations`);
});

let parser: ((text: string) => MathNode) | undefined;

/** mathjs's `parse`, from a parse-only instance. */
export function mathParse(text: string): MathNode {
  parser ??= create({
    createTyped, createParse, createNode, createResultSet, createAccessorNode, createArrayNode, createAssignmentNode,
    createBlockNode, createConditionalNode, createConstantNode, createFunctionAssignmentNode, createFunctionNode,
    createIndexNode, createObjectNode, createOperatorNode, createParenthesisNode, createRangeNode, createRelationalNode,
    createSymbolNode,
    createNumeric: factory('numeric', [], () => (value: string) => Number(value)),
    createIsBounded: factory('isBounded', [], () => (x: unknown) => typeof x === 'number' && Number.isFinite(x)),
    createSubset: notForEquations('subset'),
    createSize: notForEquations('size'),
  } as never).parse as (text: string) => MathNode;
  return parser(text);
}

let differ: { derivative: (e: MathNode, x: MathNode, o: object) => MathNode; parse: (t: string) => MathNode } | undefined;

/** d(text)/d(x) printed back as mathjs text, without mathjs's (slow) simplification. */
export function mathDerivative(text: string, x: string): string {
  differ ??= create({ derivativeDependencies, parseDependencies }) as unknown as typeof differ;
  return differ!.derivative(differ!.parse(text), differ!.parse(x), { simplify: false }).toString();
}
