// Makes ApiError react-query's default error type, so plain useQuery's `error` is an ApiError too.
import type { ApiError } from 'api-error-kit';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}
