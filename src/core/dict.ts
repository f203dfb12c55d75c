/**
 * Objects keyed by names a user writes (variables, metrics, scenarios, --set overrides). Their
 * prototype holds nothing but `constructor: Object` (so deep-equality checks and JSON treat them
 * as plain objects): a name like `__proto__`, `toString` or `constructor` is an ordinary own key,
 * never the prototype setter or an inherited member.
 */
const BARE: object = Object.create(null, { constructor: { value: Object, writable: true } });

export function dict<T>(): Record<string, T> {
  return Object.create(BARE) as Record<string, T>;
}
