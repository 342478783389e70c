// Turns an ApiResult that crossed a transport back into its value, or an Error carrying the engine's message.
import type { ApiResult } from './api';

/** An engine error on the renderer side: `message` is the engine's one line, `code` its kind. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as { ok?: unknown; error?: { message?: unknown } };
  return result.ok === true || (result.ok === false && typeof result.error?.message === 'string');
}

export function unwrapApiResult<T>(result: unknown, method: string): T {
  if (!isApiResult(result)) throw new ApiError(`${method}: the workbench sent an answer that is not an API result`, 'transport');
  if (result.ok) return result.value as T;
  throw new ApiError(result.error.message, result.error.code);
}
