import { remember, type AdmissionRule } from './admission-rule.js';

/**
 * @internal The resource a request (`"GET https://host/path?query"`) is for: its origin and path,
 * without the query and without the path segments that hold a digit (ids, versions), so
 * `/items/42` and `/items/43` are one resource and `/search?q=a` and `/search?q=b` another.
 */
export function scopeOf(name: string): string {
  const url = name.slice(name.indexOf(' ') + 1).split(/[?#]/, 1)[0] ?? '';
  // The origin is kept whole: a port or an address holds digits too.
  const origin = /^[a-z][a-z\d+.-]*:\/\/[^/]*/i.exec(url)?.[0] ?? '';
  const path = url
    .slice(origin.length)
    .split('/')
    .filter((segment) => !/\d/.test(segment))
    .join('/');
  return origin + path;
}

interface Evidence {
  /** Since this resource's latest refusal: whether another resource was served, or refused. */
  othersServed: boolean;
  othersRefused: boolean;
  /** Whether this resource was seen to have a limit of its own. */
  own: boolean;
  /** Until when its requests wait (epoch ms): the latest server-given time for it. */
  until: number;
}

/**
 * @internal The rule of a resource's own limit. A 429 is evidence about the rate or the resource
 * it refused, not about every request of the client: once a resource is refused again after
 * other resources were served in between (and none of them refused), it has a limit of its own
 * (a search endpoint, an export). From then on its refusals hold its own requests until the
 * server's time, and nobody else's: the reads beside it go on. A refusal that reports the
 * API-wide quota (`RateLimit-*` headers) is about every request, and ends what was learned; so
 * does a refusal of another resource while one is held for its own: the limit is shared.
 */
export interface RefusalScopes extends AdmissionRule {
  /** The service answered `name`. */
  served(name: () => string): void;
  /** The server refused `name` at `now`; `shared`: the refusal reports the API-wide quota. Returns whether the limit is its resource's own. */
  refused(name: string, shared: boolean, now: number): boolean;
  /** Whether `name`'s resource has a limit of its own. */
  owns(name: string): boolean;
  /** The requests for `name`'s resource wait until `until`. */
  hold(name: string, until: number): void;
  /** Whether a resource's own limit holds its requests at `now`. */
  holding(now: number): boolean;
}

/** @internal Creates the {@link RefusalScopes}. */
export function createRefusalScopes(): RefusalScopes {
  const scopes = new Map<string, Evidence>();
  // The latest time any resource is held until: nothing is looked up once it has passed.
  let heldUntil = 0;
  const untilOf = (name: string) => scopes.get(scopeOf(name))?.until ?? 0;
  return {
    admits: (name, now) => now >= heldUntil || untilOf(name()) <= now,
    wakeAt(now, waiting) {
      if (now >= heldUntil) return undefined;
      const held = waiting.map(untilOf).filter((at) => at > now);
      return held.length > 0 ? Math.min(...held) : undefined;
    },
    served(name) {
      if (scopes.size === 0) return;
      const scope = scopeOf(name());
      for (const [other, evidence] of scopes) if (other !== scope) evidence.othersServed = true;
    },
    refused(name, shared, now) {
      const scope = scopeOf(name);
      // Another resource refused while one is held for its own limit: the limit is shared after all.
      const sharedAfterAll = now < heldUntil && scopes.get(scope)?.own !== true;
      // What was learned ends; a server-given time already given still binds its resource.
      if (shared || sharedAfterAll) for (const evidence of scopes.values()) evidence.own = false;
      if (shared) return false;
      for (const [other, evidence] of scopes) if (other !== scope) evidence.othersRefused = true;
      let evidence = scopes.get(scope);
      if (!evidence) remember(scopes, scope, (evidence = { othersServed: false, othersRefused: false, own: false, until: 0 }));
      else if (evidence.othersServed && !evidence.othersRefused) evidence.own = true;
      evidence.othersServed = false;
      evidence.othersRefused = false;
      return evidence.own;
    },
    owns: (name) => scopes.get(scopeOf(name))?.own === true,
    hold(name, until) {
      const evidence = scopes.get(scopeOf(name));
      if (!evidence?.own) return;
      evidence.until = Math.max(evidence.until, until);
      heldUntil = Math.max(heldUntil, until);
    },
    holding: (now) => now < heldUntil,
  };
}
