/**
 * The height of an equation's syntax tree, counted without recursion. A readers' parser
 * bounds how deeply parentheses and calls nest, but a long chain such as `a + b + … + z`
 * parses into a tree as tall as it is long, and the recursive walks after parsing would
 * overflow the stack on it; readers refuse such an equation with a located diagnostic at
 * the same limit the native parser sets (expr/parse.ts).
 */
import { MAX_DEPTH } from '../expr/parse.js';

export { MAX_DEPTH };

/** Whether `root` is more than MAX_DEPTH levels deep; `children` lists a node's subtrees. */
export function tooTall<T>(root: T, children: (node: T) => readonly T[]): boolean {
  const stack: [T, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return true;
    for (const c of children(node)) stack.push([c, depth + 1]);
  }
  return false;
}

export const TOO_TALL = `the equation nests more than ${MAX_DEPTH} operations deep: split it into auxiliary variables`;
