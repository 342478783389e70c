// Answers POST /api/<method>: reads `{ "args": [...] }`, runs the call through callApi, replies with the ApiResult.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiResult, WorkbenchApi } from '../../shared/api';
import { callApi } from '../api/callApi';
import { isApiMethod } from '../api/validateApiArgs';
import { sendJson } from './sendResponse';

/** A contract text is at most 16 MiB (validateApiArgs); leave room for JSON escaping. */
const MAX_BODY_BYTES = 40 * 1024 * 1024;

function refusal(code: string, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function serveApi(request: IncomingMessage, response: ServerResponse, workbench: WorkbenchApi, method: string): Promise<void> {
  if (!isApiMethod(method)) {
    sendJson(response, 404, refusal('unknown_method', `unknown API method '${method.slice(0, 80)}'`));
    return;
  }
  // A JSON content type cannot be sent cross-origin without a preflight, which this server never grants.
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    sendJson(response, 415, refusal('invalid_argument', 'the request body must be JSON (Content-Type: application/json)'));
    return;
  }
  const text = await readBody(request);
  if (text === null) {
    sendJson(response, 413, refusal('invalid_argument', `the request body is over ${MAX_BODY_BYTES} bytes`));
    return;
  }
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    sendJson(response, 400, refusal('invalid_argument', 'the request body is not valid JSON'));
    return;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    sendJson(response, 400, refusal('invalid_argument', 'the request body must be an object { "args": [...] }'));
    return;
  }
  const args = (body as { args?: unknown }).args ?? [];
  sendJson(response, 200, await callApi(workbench, method, args));
}
