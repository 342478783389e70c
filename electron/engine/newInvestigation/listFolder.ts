// Lists one folder for the browser shell's file picker: sub-folders and exports (or contract files), never anything outside the browse root.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FolderAccept, FolderListing } from '../../../shared/api';
import { UserError } from '../UserError';

const EXTENSIONS: Record<FolderAccept, string[]> = {
  exports: ['.csv', '.tsv', '.txt', '.xlsx'],
  // A pilot definition to compare: contract files are YAML (`*.recon.yaml` by convention, any .yaml/.yml accepted).
  contracts: ['.yaml', '.yml'],
};

/** The top of what may be browsed: the user's home folder, or RECON_BROWSE_ROOT (tests, kiosks). */
export function findBrowseRoot(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.RECON_BROWSE_ROOT?.trim() || os.homedir());
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function resolveReal(target: string, shown: string): Promise<string> {
  try {
    return await fs.realpath(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError(`${shown}: folder not found`, 'file_not_found');
    throw new UserError(`${shown}: cannot be read (${code ?? String(error)})`, 'unreadable_file');
  }
}

/** A folder path under `root` (absolute, or relative to it); the root itself when absent. */
export async function listFolder(folder: string | undefined, root: string = findBrowseRoot(), accept: FolderAccept = 'exports'): Promise<FolderListing> {
  const extensions = EXTENSIONS[accept];
  const realRoot = await resolveReal(root, root);
  const wanted = path.resolve(root, folder ?? '.');
  // Checked twice: the path as written ('..' segments) and where it really leads (symlinks).
  if (!isInside(path.resolve(root), wanted) && !isInside(realRoot, wanted)) {
    throw new UserError(`${folder}: outside ${root}; only folders under it can be browsed here`, 'outside_browse_root');
  }
  const real = await resolveReal(wanted, folder ?? root);
  if (!isInside(realRoot, real)) {
    throw new UserError(`${folder}: a link to ${real}, outside ${root}; only folders under it can be browsed here`, 'outside_browse_root');
  }
  if (!(await fs.stat(real)).isDirectory()) throw new UserError(`${folder}: not a folder`, 'not_a_folder');
  const entries: FolderListing['entries'] = [];
  for (const entry of await fs.readdir(real, { withFileTypes: true })) {
    // Hidden files and folders are settings, not exports.
    if (entry.name.startsWith('.')) continue;
    const entryPath = path.join(real, entry.name);
    let kind: 'folder' | 'file' | null = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : null;
    if (entry.isSymbolicLink()) {
      // A link is listed only where it leads inside the root; a broken one not at all.
      const target = await fs.realpath(entryPath).catch(() => null);
      const stat = target && isInside(realRoot, target) ? await fs.stat(target) : null;
      kind = stat?.isDirectory() ? 'folder' : stat?.isFile() ? 'file' : null;
    }
    if (kind === 'file' && !extensions.includes(path.extname(entry.name).toLowerCase())) continue;
    if (kind) entries.push({ name: entry.name, path: entryPath, kind });
  }
  entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
  return { folder: real, parent: real === realRoot ? null : path.dirname(real), entries };
}
