// Serves the built renderer's files with the strict security headers, for GET and HEAD.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveStaticFile } from '../shell/resolveStaticFile';
import { SECURITY_HEADERS } from '../shell/SECURITY_HEADERS';
import { sendText } from './sendResponse';

export function serveStatic(request: IncomingMessage, response: ServerResponse, rendererDir: string, pathname: string): void {
  const found = resolveStaticFile(rendererDir, pathname);
  if (!found) {
    sendText(response, 404, 'not found\n');
    return;
  }
  const size = fs.statSync(found.file).size;
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': found.contentType,
    'Content-Length': size,
    // A rebuild replaces the files under the same names: ask every time, it is a loopback request.
    'Cache-Control': 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  fs.createReadStream(found.file)
    .on('error', () => response.destroy())
    .pipe(response);
}
