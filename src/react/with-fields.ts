/**
 * @internal A new object with `result`'s properties and `fields`: react-query's result is never
 * written to (it may be the observer's own). Each of `result`'s properties is a getter that reads
 * it from `result` when asked, so react-query's tracked result still sees which properties a
 * component reads and re-renders it only when one of those changes; spreading the copy reads
 * them all, as spreading react-query's own result does.
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
