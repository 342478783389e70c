// `npm run security`: runs electronegativity over the desktop shell and fails on any HIGH finding in its report.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const input = process.argv[2] ?? 'electron';
const report = path.resolve(process.argv[3] ?? 'test-results/electronegativity.csv');

interface Finding {
  check: string;
  severity: string;
  where: string;
}

/** The report's rows: `CHECK,"SEVERITY","CONFIDENCE","file","line:col",...`. */
function readFindings(csv: string): Finding[] {
  return csv
    .split('\n')
    .slice(1)
    .map((line) => /^([A-Z0-9_]+),"([A-Z]+)","[A-Z]*","([^"]*)","([^"]*)"/.exec(line))
    .filter((match) => match !== null)
    .map(([, check = '', severity = '', file = '', at = '']) => ({ check, severity, where: `${file}:${at}` }));
}

fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist/index.js');
// Without it the tool assumes Electron 0.1 and judges by that version's defaults.
const electronVersion = (require('electron/package.json') as { version: string }).version;
// It exits 0 whatever it finds: the report is the verdict.
const run = spawnSync(process.execPath, [cli, '-i', input, '-o', report, '-r', '-e', electronVersion], { stdio: ['ignore', 'ignore', 'inherit'] });
if (run.status !== 0 || !fs.existsSync(report)) {
  console.error(`security: electronegativity did not write ${report} (exit ${run.status ?? run.signal})`);
  process.exit(1);
}
const findings = readFindings(fs.readFileSync(report, 'utf8'));
const high = findings.filter((f) => f.severity === 'HIGH');
for (const f of findings) console.log(`security: ${f.severity} ${f.check} ${f.where}`);
if (high.length > 0) {
  console.error(`security: ${high.length} HIGH finding(s) in ${path.relative(process.cwd(), report)}`);
  process.exit(1);
}
console.log(`security: no HIGH finding in ${input}/ (${findings.length} lower, report ${path.relative(process.cwd(), report)})`);
