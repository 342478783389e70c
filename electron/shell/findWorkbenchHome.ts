// Where the workbench keeps its sessions and recent list: $RECON_HOME, else ~/.recon-workbench.
import os from 'node:os';
import path from 'node:path';

export function findWorkbenchHome(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.RECON_HOME?.trim();
  return configured ? path.resolve(configured) : path.join(os.homedir(), '.recon-workbench');
}
