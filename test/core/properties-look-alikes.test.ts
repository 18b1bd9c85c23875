import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, isApiError, toApiError, type ApiErrorInit } from '../../src/core/index.js';
import { expectApiErrorInvariants, lookAlikeFields, lookAlikes } from '../support/look-alikes.js';

const RUNS = 500;

describe('every ApiError, however made, holds its invariants', () => {
  it('toApiError of a look-alike (by hand, a JSON round trip, another realm)', () => {
    let runs = 0;
    fc.assert(
      fc.property(lookAlikes, (lookAlike) => {
        runs += 1;
        expect(isApiError(lookAlike)).toBe(true);
        const error = toApiError(lookAlike);
        expect(error).not.toBe(lookAlike);
        expectApiErrorInvariants(error);
        // Rebuilding what came out changes nothing.
        expect(toApiError(JSON.parse(JSON.stringify(error)) as unknown).toJSON()).toMatchObject({
          status: error.status,
          kind: error.kind,
          source: error.source,
        });
      }),
      { numRuns: RUNS },
    );
    expect(runs).toBe(RUNS);
  });

  it('the constructor, given any fields', () => {
    fc.assert(
      fc.property(lookAlikeFields, (fields) => {
        expectApiErrorInvariants(new ApiError(fields as ApiErrorInit));
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps a status and kind that already agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), (status) => {
        const error = toApiError(JSON.parse(JSON.stringify(new ApiError({ status, source: 'edge' }))) as unknown);
        expect(error).toMatchObject({ status, source: 'edge' });
      }),
      { numRuns: 100 },
    );
  });
});
