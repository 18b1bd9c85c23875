/** @internal A request's name for recovery: a retry of a refused or failed request is known by it. */
export function requestKey(request: Request): string {
  return `${request.method} ${request.url}`;
}
