// The workbench API for the screens: the desktop preload's bridge when present, else the browser shell's HTTP client.
import type { WorkbenchApi } from '../../shared/api';
import { createHttpApi } from './createHttpApi';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts in the desktop app; absent in a browser. */
    readonly recon?: WorkbenchApi;
  }
}

let httpApi: WorkbenchApi | undefined;

export function getApi(): WorkbenchApi {
  return window.recon ?? (httpApi ??= createHttpApi());
}
