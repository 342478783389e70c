// The desktop transport's main side: one ipcMain handler per API method, answering only our own renderer's frames.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
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
}
