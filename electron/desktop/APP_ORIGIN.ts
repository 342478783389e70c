// Where the desktop app's renderer lives: a private scheme, so its pages have an origin of their own and real headers.
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://recon';
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** True for a page of our own renderer; IPC answers no other frame. */
export function isOwnRendererUrl(url: string | undefined): boolean {
  return typeof url === 'string' && url.startsWith(`${APP_ORIGIN}/`);
}
