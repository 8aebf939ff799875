/**
 * An empty object for keys that come from input (feed columns, wire fields):
 * without a prototype, a key such as `__proto__` is stored like any other
 * instead of being swallowed or reaching Object.prototype.
 */
export function newRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
