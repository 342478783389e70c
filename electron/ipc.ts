// The desktop transport's main side: one ipcMain handler per API method, answering only our own renderer's frames.
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS, type ApiResult, type WorkbenchApi } from '../shared/api';
import { callApi } from './api/callApi';
import { isOwnRendererUrl } from './desktop/APP_ORIGIN';

/** The channel of a method, as the preload names it too: `recon:getReport`. */
function channelOf(method: (typeof API_METHODS)[number]): string {
  return `recon:${method}`;
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isOwnRendererUrl(frame.url);
}

export function registerIpcHandlers(workbench: WorkbenchApi): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), async (event, ...args: unknown[]): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'forbidden', message: `${method}: refused a call from a page that is not the workbench` } };
      }
      return callApi(workbench, method, args);
    });
  }
  // The Browse button of the new-investigation form: the system's own file dialog, over the workbench window.
  ipcMain.handle('recon-desktop:chooseExport', async (event): Promise<string | null> => {
    if (!isTrustedSender(event)) throw new Error('chooseExport: refused a call from a page that is not the workbench');
    const options: Electron.OpenDialogOptions = {
      title: 'Choose an export',
      properties: ['openFile'],
      filters: [
        { name: 'Exports (CSV, TSV, TXT, XLSX)', extensions: ['csv', 'tsv', 'txt', 'xlsx'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const window = BrowserWindow.fromWebContents(event.sender);
    const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  });
}
