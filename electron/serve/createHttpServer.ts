// The browser shell's HTTP server: the built renderer and the workbench API, on 127.0.0.1 only, behind a per-run token.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkbenchApi } from '../../shared/api';
import { hasToken, isOwnHost, isOwnOrigin } from './checkRequestAccess';
import { sendText } from './sendResponse';
import { serveApi } from './serveApi';
import { serveStatic } from './serveStatic';

export interface HttpShellOptions {
  workbench: WorkbenchApi;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** Required in the x-recon-token header of every API request. */
  token: string;
}

export interface RunningHttpShell {
  port: number;
  /** `http://127.0.0.1:PORT/`, without the token. */
  origin: string;
  close(): Promise<void>;
}

async function handle(request: http.IncomingMessage, response: http.ServerResponse, options: HttpShellOptions, port: number): Promise<void> {
  if (!isOwnHost(request.headers.host, port)) {
    sendText(response, 403, 'forbidden: this server answers only to 127.0.0.1 or localhost on its own port\n');
    return;
  }
  if (!isOwnOrigin(request.headers.origin, port)) {
    sendText(response, 403, 'forbidden: cross-origin request\n');
    return;
  }
  const pathname = new URL(request.url ?? '/', `http://127.0.0.1:${port}`).pathname;
  if (pathname.startsWith('/api/')) {
    if (request.method !== 'POST') {
      sendText(response, 405, 'the API takes POST only\n', { Allow: 'POST' });
      return;
    }
    if (!hasToken(request, options.token)) {
      sendText(response, 401, 'unauthorized: missing or wrong x-recon-token\n');
      return;
    }
    await serveApi(request, response, options.workbench, pathname.slice('/api/'.length));
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'files take GET or HEAD only\n', { Allow: 'GET, HEAD' });
    return;
  }
  serveStatic(request, response, options.rendererDir, pathname);
}

/** Listens on 127.0.0.1 on a port the system picks; nothing on another interface can connect. */
export async function createHttpServer(options: HttpShellOptions): Promise<RunningHttpShell> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  server.on('request', (request, response) => {
    handle(request, response, options, port).catch((error: unknown) => {
      console.error('[recon] request failed:', error);
      if (!response.headersSent) sendText(response, 500, 'internal error\n');
      else response.destroy();
    });
  });
  return {
    port,
    origin: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
