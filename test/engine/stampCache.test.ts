// Input hashes kept between reviews: a file is hashed again when its size or mtime moved, and only then (a 1 GB export takes seconds).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContract } from '../../electron/engine/contract/loadContract';
import { createStampCache } from '../../electron/engine/review/createStampCache';
import { stampInputs } from '../../electron/engine/review/stampInputs';
import { changeOneByte, copySampleInvestigation } from './copySampleInvestigation';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-stamps-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('the stamp cache', () => {
  it('gives sha256sum of every file, keeps it while path, size and mtime stay, and hashes again when the mtime moves', async () => {
    const contractPath = copySampleInvestigation(dir);
    const { contract } = await loadContract(contractPath);
    const hubspot = path.join(dir, 'exports/hubspot_contacts.csv');
    // A whole second, so that setting it back below gives the very same mtime (a Date has no nanoseconds).
    const mtime = new Date('2026-11-30T12:00:00Z');
    fs.utimesSync(hubspot, mtime, mtime);
    const cache = createStampCache();
    const first = await cache.stamp(contractPath, contract);
    expect(first).toEqual(await stampInputs(contractPath, contract));
    expect(first.contract_sha256).toBe(sha256(contractPath));
    expect(first.inputs.find((i) => i.source === 'hubspot')?.sha256).toBe(sha256(hubspot));

    // Same size, same mtime: the cache cannot tell, and does not read the file again (what it is for).
    changeOneByte(hubspot, '"Samuel","Nakamura"', '"Samuez","Nakamura"');
    fs.utimesSync(hubspot, mtime, mtime);
    expect(await cache.stamp(contractPath, contract)).toEqual(first);
    // recon verify never uses the cache: it sees the byte at once.
    expect((await stampInputs(contractPath, contract)).inputs.find((i) => i.source === 'hubspot')?.sha256).toBe(sha256(hubspot));

    fs.utimesSync(hubspot, mtime, new Date(mtime.getTime() + 1000));
    const moved = await cache.stamp(contractPath, contract);
    expect(moved.inputs.find((i) => i.source === 'hubspot')?.sha256).toBe(sha256(hubspot));
    expect(moved.inputs.find((i) => i.source === 'hubspot')?.sha256).not.toBe(first.inputs.find((i) => i.source === 'hubspot')?.sha256);
    expect(moved.inputs.filter((i) => i.source !== 'hubspot')).toEqual(first.inputs.filter((i) => i.source !== 'hubspot'));
  });
});
