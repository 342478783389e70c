// The headers every page of the renderer is served with, by the browser shell and by the desktop app's protocol alike.

/**
 * Only our own scripts run and only our own server is called. style-src needs 'unsafe-inline':
 * ag-grid's themes and the contract editor (CodeMirror) inject <style> elements at run time and React writes
 * style attributes;
 * img-src needs data: for the SVG icons ag-grid embeds in its CSS.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
