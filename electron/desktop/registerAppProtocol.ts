// Serves the built renderer to the desktop window under app://recon/, with the same security headers as the browser shell.
import fs from 'node:fs';
import { protocol } from 'electron';
import { resolveStaticFile } from '../shell/resolveStaticFile';
import { SECURITY_HEADERS } from '../shell/SECURITY_HEADERS';
import { APP_ORIGIN, APP_SCHEME } from './APP_ORIGIN';

/** Must run before the app is ready: a standard, secure scheme gets an origin and may use storage. */
export function declareAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

export function registerAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const found = url.origin === APP_ORIGIN && request.method === 'GET' ? resolveStaticFile(rendererDir, url.pathname) : null;
    if (!found) return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    const body = await fs.promises.readFile(found.file);
    return new Response(body, { headers: { ...SECURITY_HEADERS, 'Content-Type': found.contentType } });
  });
}
