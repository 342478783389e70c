// Where new investigations are proposed: $RECON_WORKSPACE, else ~/Recon Workbench (the user's folder, not the app's).
import os from 'node:os';
import path from 'node:path';

export function findWorkspace(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.RECON_WORKSPACE?.trim();
  return configured ? path.resolve(configured) : path.join(os.homedir(), 'Recon Workbench');
}
