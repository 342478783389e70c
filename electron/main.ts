// The desktop app's main process: the engine, the IPC bridge and one hardened window over the renderer.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, type BrowserWindow } from 'electron';
import { createWorkbench, type Workbench } from './engine/createWorkbench';
import { createMainWindow } from './desktop/createMainWindow';
import { hardenApp } from './desktop/hardenApp';
import { declareAppScheme, registerAppProtocol } from './desktop/registerAppProtocol';
import { registerIpcHandlers } from './ipc';
import { findContractArgument } from './shell/findContractArgument';
import { findWorkbenchHome } from './shell/findWorkbenchHome';
import { findWorkspace } from './shell/findWorkspace';
import { PIPELINE_SAMPLE_CONTRACT, SAMPLE_CONTRACT } from './shell/SAMPLE_CONTRACT';

const builtDir = path.dirname(fileURLToPath(import.meta.url));
/** The packaged app ships the samples beside app.asar (DuckDB cannot read inside an asar archive). */
const samplesDir = app.isPackaged ? path.join(process.resourcesPath, 'samples') : path.resolve(builtDir, '../../samples');
/** Packaged: [app, file?]; run by electron-vite or `electron out/main/main.js`: [electron, script, file?]. */
const argsOf = (argv: readonly string[]) => argv.slice(app.isPackaged ? 1 : 2);

let workbench: Workbench | undefined;
let window: BrowserWindow | undefined;
/** A contract the OS asked us to open (macOS open-file) before the engine was ready. */
let pendingContract = findContractArgument(argsOf(process.argv));

async function openInvestigation(contract: string | undefined): Promise<void> {
  if (!workbench) return;
  try {
    if (contract) await workbench.openContract(path.resolve(contract));
    else if ((await workbench.listRecent()).length === 0) await workbench.openSample();
  } catch (error) {
    dialog.showErrorBox('Recon Workbench could not open the investigation', error instanceof Error ? error.message : String(error));
  }
}

/** A contract opened while the app runs (a second launch, a double-click in Finder): show it in the window. */
async function openWhileRunning(contract: string): Promise<void> {
  if (!workbench) {
    pendingContract = contract;
    return;
  }
  await openInvestigation(contract);
  if (window && !window.isDestroyed()) {
    if (window.isMinimized()) window.restore();
    window.focus();
    window.webContents.reload();
  }
}

declareAppScheme();
// A second launch (a double-clicked contract) hands its arguments to the running app and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const contract = findContractArgument(argv.slice(1));
    if (contract) void openWhileRunning(path.resolve(workingDirectory, contract));
    else window?.focus();
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    void openWhileRunning(file);
  });
  app.on('window-all-closed', () => app.quit());
  // Quitting (the last window closed, or Quit) while an import runs: it is cancelled as Cancel does, and the databases
  // are closed once it has rolled back, so no session file stays locked or half-written; then the quit goes on.
  let closed = false;
  app.on('will-quit', (event) => {
    if (!workbench || closed) return;
    event.preventDefault();
    closed = true;
    void workbench.close().finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      hardenApp();
      registerAppProtocol(path.join(builtDir, '../renderer'));
      workbench = await createWorkbench({
        home: findWorkbenchHome(),
        workspace: findWorkspace(),
        sampleContract: path.join(samplesDir, SAMPLE_CONTRACT),
        pipelineSampleContract: path.join(samplesDir, PIPELINE_SAMPLE_CONTRACT),
      });
      registerIpcHandlers(workbench);
      // Opened before the window loads, so the first screen the renderer draws is the investigation.
      await openInvestigation(pendingContract);
      window = createMainWindow(path.join(builtDir, '../preload/preload.cjs'));
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Recon Workbench could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
