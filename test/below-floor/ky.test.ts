import * as kyModule from 'ky';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { lowestOf } from '../../scripts/peer-floor.mjs';
import { createApiClient } from '../../src/core/index.js';
import manifest from '../../package.json' with { type: 'json' };

declare module 'vitest' {
  export interface ProvidedContext {
    /** The release below the floor this run stands for, e.g. `ky-1` or `ky-2.0`. */
    belowFloor: string;
  }
}

const alias = inject('belowFloor');
const range = manifest.peerDependencies.ky;
const floor = lowestOf(range).split('.').slice(0, 2).join('.');

describe(`an app with ${alias}`, () => {
  afterEach(() => vi.unstubAllEnvs());

  it('runs on that ky: error classes of ky 2 present or not, and no query method (ky 2.1)', () => {
    expect('NetworkError' in kyModule).toBe(alias !== 'ky-1');
    expect(typeof (kyModule.default.create({}) as { query?: unknown }).query).toBe('undefined');
  });

  it('gets an error that names the problem and its fix from createApiClient in development', () => {
    expect(() => createApiClient({ prefix: 'http://127.0.0.1:9' })).toThrow(
      `api-error-kit needs ky ${floor} or later, and the ky this app loads is older`,
    );
    expect(() => createApiClient()).toThrow(`npm install ky@${range}`);
  });

  it('is not checked in a production build, which carries no code for it', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(() => createApiClient({ prefix: 'http://127.0.0.1:9' })).not.toThrow();
  });
});
