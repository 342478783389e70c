// listFolder on a real folder tree: folders and exports only, and nothing outside the browse root, by '..' or by link.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowseRoot, listFolder } from '../../electron/engine/newInvestigation/listFolder';

let outside: string;
let root: string;

beforeAll(() => {
  outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'list-folder-test-')));
  root = path.join(outside, 'home');
  fs.mkdirSync(path.join(root, 'exports', 'q3'), { recursive: true });
  fs.mkdirSync(path.join(root, '.cache'));
  fs.mkdirSync(path.join(outside, 'secrets'));
  for (const name of ['leads.csv', 'contacts.XLSX', 'tabbed.tsv', 'notes.txt', 'photo.png', '.hidden.csv', 'pilot.recon.yaml', 'old.YML']) fs.writeFileSync(path.join(root, 'exports', name), 'a\n1\n');
  fs.writeFileSync(path.join(outside, 'secrets', 'keys.csv'), 'a\n1\n');
  fs.symlinkSync(path.join(outside, 'secrets'), path.join(root, 'exports', 'escape'));
  fs.symlinkSync(path.join(root, 'exports', 'q3'), path.join(root, 'exports', 'q3-link'));
  fs.symlinkSync(path.join(outside, 'secrets'), path.join(root, 'secrets-link'));
});
afterAll(() => fs.rmSync(outside, { recursive: true, force: true }));

describe('listFolder', () => {
  it('starts at the root, which has no parent', async () => {
    const listing = await listFolder(undefined, root);
    expect(listing).toEqual({ folder: root, parent: null, entries: [{ name: 'exports', path: path.join(root, 'exports'), kind: 'folder' }] });
  });

  it('lists folders first, then exports; no hidden entries, no other files, no links leading out', async () => {
    const listing = await listFolder(path.join(root, 'exports'), root);
    expect(listing.parent).toBe(root);
    expect(listing.entries.map((e) => [e.name, e.kind])).toEqual([
      ['q3', 'folder'],
      ['q3-link', 'folder'],
      ['contacts.XLSX', 'file'],
      ['leads.csv', 'file'],
      ['notes.txt', 'file'],
      ['tabbed.tsv', 'file'],
    ]);
    // A relative path is taken from the root.
    expect((await listFolder('exports/q3', root)).folder).toBe(path.join(root, 'exports', 'q3'));
  });

  it('lists contract files instead of exports when asked for contracts (a pilot to compare)', async () => {
    const listing = await listFolder(path.join(root, 'exports'), root, 'contracts');
    expect(listing.entries.map((e) => [e.name, e.kind])).toEqual([
      ['q3', 'folder'],
      ['q3-link', 'folder'],
      ['old.YML', 'file'],
      ['pilot.recon.yaml', 'file'],
    ]);
  });

  it("refuses '..' escapes and links out of the root, and says so", async () => {
    await expect(listFolder(path.join(root, '..', 'secrets'), root)).rejects.toThrow(`outside ${root}; only folders under it can be browsed here`);
    await expect(listFolder('../secrets', root)).rejects.toThrow(/outside .*only folders under it can be browsed here/);
    await expect(listFolder('/', root)).rejects.toThrow(/outside/);
    await expect(listFolder(path.join(root, 'secrets-link'), root)).rejects.toThrow(`a link to ${path.join(outside, 'secrets')}, outside ${root}`);
    await expect(listFolder(path.join(root, 'exports', 'escape'), root)).rejects.toThrow(/a link to .*secrets, outside/);
  });

  it('names a folder that is missing or a file', async () => {
    await expect(listFolder(path.join(root, 'nope'), root)).rejects.toThrow(`${path.join(root, 'nope')}: folder not found`);
    await expect(listFolder(path.join(root, 'exports', 'leads.csv'), root)).rejects.toThrow('leads.csv: not a folder');
  });

  it('browses the home folder unless RECON_BROWSE_ROOT says otherwise', () => {
    expect(findBrowseRoot({})).toBe(os.homedir());
    expect(findBrowseRoot({ RECON_BROWSE_ROOT: root })).toBe(root);
  });
});
