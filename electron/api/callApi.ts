// Runs one API call for a transport: validates the arguments, calls the workbench, wraps the outcome as ApiResult.
import type { ApiResult, WorkbenchApi } from '../../shared/api';
import { UserError } from '../engine/UserError';
import { validateApiArgs, type ApiMethod } from './validateApiArgs';

/** A UserError keeps its code and message; anything else is 'internal' with its message only, never a stack. */
export function describeApiError(error: unknown): { code: string; message: string } {
  if (error instanceof UserError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: message || 'internal error' };
}

/** Never throws: every failure, of the arguments or of the engine, comes back as `{ ok: false }`. */
export async function callApi(workbench: WorkbenchApi, method: string, args: unknown): Promise<ApiResult<unknown>> {
  try {
    const valid = validateApiArgs(method as ApiMethod, args);
    const run = workbench[method as ApiMethod] as (...a: unknown[]) => Promise<unknown>;
    const value = await run.apply(workbench, valid);
    return { ok: true, value };
  } catch (error) {
    // The stack stays on this side, in the shell's log, where a developer can read it.
    if (!(error instanceof UserError)) console.error(`[recon] ${method} failed:`, error);
    return { ok: false, error: describeApiError(error) };
  }
}
