// The workbench API for the screens: the desktop preload's bridge when present, else the browser shell's HTTP client.
import type { WorkbenchApi } from '../../shared/api';
import { createHttpApi } from './createHttpApi';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts in the desktop app; absent in a browser. */
    readonly recon?: WorkbenchApi;
    /** Desktop-only helpers outside the API (electron/preload.ts): where a dropped file is on disk, the system file dialog. */
    readonly reconDesktop?: {
      pathForFile(file: File): string;
      /** The path of the export chosen in the system's file dialog, or null when it was cancelled. */
      chooseExport(): Promise<string | null>;
    };
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

/** The system's file dialog, where the desktop app provides one; undefined in the browser shell (it browses through listFolder). */
export function findNativeExportChooser(): (() => Promise<string | null>) | undefined {
  const desktop = window.reconDesktop;
  return desktop ? () => desktop.chooseExport() : undefined;
}
