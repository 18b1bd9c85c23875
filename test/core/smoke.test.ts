import { expect, it } from 'vitest';
import { ApiError } from '../../src/core/index.js';

it('makes an ApiError', () => {
  expect(new ApiError({ status: 429 }).kind).toBe('rate_limited');
});
