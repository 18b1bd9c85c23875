import { describe, expect, it } from 'vitest';
import { createRefusalScopes, scopeOf } from '../../../src/core/retry/rules/refusal-scope.js';

describe('scopeOf: the resource a request is for', () => {
  it.each([
    ['GET https://api.example/items/42', 'https://api.example/items'],
    ['GET https://api.example/items/43?fields=a', 'https://api.example/items'],
    ['GET https://api.example/search?q=a#top', 'https://api.example/search'],
    ['POST https://api.example/exports/7f3a9c/files', 'https://api.example/exports/files'],
    ['GET https://api.example', 'https://api.example'],
    ['GET /items/1', '/items'],
  ])('%s → %s', (name, scope) => {
    expect(scopeOf(name)).toBe(scope);
  });
});

describe('createRefusalScopes: a resource’s own limit', () => {
  const search = (q: string) => `GET https://api.example/search?q=${q}`;
  const item = (id: number) => `GET https://api.example/items/${id}`;

  /** Scopes that learned the search's own limit and hold it until 2000. */
  function searchHeldUntil2000() {
    const scopes = createRefusalScopes();
    scopes.refused(search('a'), false, 0);
    scopes.served(() => item(1));
    scopes.refused(search('b'), false, 0);
    scopes.hold(search('b'), 2000);
    return scopes;
  }

  it('learns it when a resource is refused again after others were served between', () => {
    const scopes = createRefusalScopes();
    expect(scopes.refused(search('a'), false, 0)).toBe(false);
    scopes.served(() => item(1));
    expect(scopes.refused(search('b'), false, 0)).toBe(true);
    scopes.hold(search('b'), 2000);
    expect(scopes.admits(() => search('c'), 1000)).toBe(false);
    expect(scopes.admits(() => item(2), 1000)).toBe(true);
    expect(scopes.wakeAt(1000, [item(2), search('c')])).toBe(2000);
    expect(scopes.admits(() => search('c'), 2000)).toBe(true);
    expect(scopes.holding(2000)).toBe(false);
  });

  it('learns nothing while others are refused too, or nothing else was served', () => {
    const scopes = createRefusalScopes();
    scopes.refused(search('a'), false, 0);
    expect(scopes.refused(search('b'), false, 0)).toBe(false);
    scopes.served(() => item(1));
    scopes.refused(item(2), false, 0);
    expect(scopes.refused(search('c'), false, 0)).toBe(false);
    scopes.hold(search('c'), 2000);
    expect(scopes.admits(() => item(3), 1000)).toBe(true);
    expect(scopes.holding(1000)).toBe(false);
  });

  it('forgets it when another resource is refused while one is held for its own: the limit is shared', () => {
    const scopes = searchHeldUntil2000();
    expect(scopes.refused(item(2), false, 1000)).toBe(false);
    expect(scopes.owns(search('c'))).toBe(false);
    // The server's time for the search still binds it.
    expect(scopes.admits(() => search('c'), 1000)).toBe(false);
    expect(scopes.admits(() => search('c'), 2000)).toBe(true);
  });

  it('forgets it when a refusal reports the API-wide quota', () => {
    const scopes = searchHeldUntil2000();
    expect(scopes.refused(search('c'), true, 1000)).toBe(false);
    expect(scopes.owns(search('d'))).toBe(false);
    expect(scopes.admits(() => item(3), 1000)).toBe(true);
  });
});
