// Test support: the sample's contract and the bridge its generator planted (samples/expected-bridge.json), never computed by the engine.
import fs from 'node:fs';
import path from 'node:path';
import type { Bucket } from '../../shared/reportTypes';

const samples = path.resolve(import.meta.dirname, '../../samples');
export const sampleContractFile = path.join(samples, 'acme-q3-2026.recon.yaml');

export interface ExpectedBridge {
  reconciliation: string;
  left: { gross: number; net: number };
  right: { gross: number; net: number };
  buckets: Pick<Bucket, 'side' | 'kind' | 'reason' | 'ids'>[];
}

export function readExpectedBridge(): ExpectedBridge {
  return JSON.parse(fs.readFileSync(path.join(samples, 'expected-bridge.json'), 'utf8')) as ExpectedBridge;
}
