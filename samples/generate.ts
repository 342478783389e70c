// Writes the sample investigation: `npx tsx samples/generate.ts [output dir]` (default: this samples/ folder).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSamples } from './generator/generateSamples';

const outDir = process.argv[2] ?? dirname(fileURLToPath(import.meta.url));
for (const path of generateSamples(outDir)) console.log(`wrote ${join(outDir, path)}`);
