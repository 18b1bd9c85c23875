import type { ApiError } from '../core/errors/ApiError.js';
import { toApiError } from '../core/errors/to-api-error.js';

/** The `ApiError` to show for anything thrown: `null` for `null`, `undefined` or an aborted request. */
export function toShownError(error: unknown): ApiError | null {
  if (error === null || error === undefined) return null;
  const apiError = toApiError(error);
  return apiError.kind === 'aborted' ? null : apiError;
}
