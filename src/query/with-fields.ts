/**
 * @internal A new object with `result`'s properties and `fields`: react-query's object (a query or
 * mutation result, which may be the observer's own, or a query function's context) is never
 * written to; the kit's hooks attach their fields this one way.
 * Each of its properties is a getter that reads it when asked, so react-query still sees what is
 * read: a tracked result re-renders only for the properties a component reads, and a context's
 * `signal` counts as consumed only when the query function reads it. Spreading the copy reads
 * every property, as spreading react-query's own object does.
 */
export function withFields<TResult extends object, TFields extends object>(result: TResult, fields: TFields): TResult & TFields {
  const copy = {} as TResult & TFields;
  // `Reflect.ownKeys` of react-query's tracking proxy reads no property: nothing is tracked here.
  for (const key of Reflect.ownKeys(result)) {
    if (Object.prototype.hasOwnProperty.call(fields, key)) continue;
    const enumerable = Object.prototype.propertyIsEnumerable.call(result, key);
    Object.defineProperty(copy, key, { get: () => (result as Record<PropertyKey, unknown>)[key], enumerable, configurable: true });
  }
  return Object.assign(copy, fields);
}
