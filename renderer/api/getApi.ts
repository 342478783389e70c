// The workbench API for the screens: the desktop preload's bridge when present, else the browser shell's HTTP client.
import type { WorkbenchApi } from '../../shared/api';
import { createHttpApi } from './createHttpApi';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts in the desktop app; absent in a browser. */
    readonly recon?: WorkbenchApi;
    /** Desktop-only helpers outside the API (electron/preload.ts): where a dropped file is on disk. */
    readonly reconDesktop?: { pathForFile(file: File): string };
  }
}

/** The path of a dropped file: only the desktop app can tell it (Electron 32+ has no File.path). */
export function findDroppedFilePath(file: File): string | null {
  return window.reconDesktop?.pathForFile(file) || null;
}

let httpApi: WorkbenchApi | undefined;

export function getApi(): WorkbenchApi {
  return window.recon ?? (httpApi ??= createHttpApi());
}
