// Whether a sign-off still holds (review.md): the contract, every stamped input and the report's digest as they are now.
import type { DecisionLine, SignOffState } from '../../../shared/reviewTypes';
import type { Stamp } from './stampInputs';

/** The sign-off's state against `now` (the same sources stamped) and the reconciliation's current report_sha256; each change in one sentence. */
export function checkSignOff(signOff: DecisionLine, now: Stamp, reportSha256: string, describeReportChange: () => string[]): SignOffState {
  const changes: string[] = [];
  if (signOff.contract_sha256 !== now.contract_sha256) changes.push('the contract file changed');
  for (const input of signOff.inputs) {
    const current = now.inputs.find((i) => i.source === input.source);
    if (!current) changes.push(`source ${input.source} is no longer in the contract`);
    else if (current.file !== input.file) changes.push(`source ${input.source} now reads ${current.file} instead of ${input.file}`);
    else if (current.sha256 !== input.sha256) changes.push(`input ${input.file} (source ${input.source}) changed`);
  }
  for (const current of now.inputs) if (!signOff.inputs.some((i) => i.source === current.source)) changes.push(`source ${current.source} was added`);
  if (signOff.report_sha256 !== reportSha256) changes.push(...describeReportChange());
  return { by: signOff.by, at: signOff.at, version: signOff.version, holds: changes.length === 0, changes };
}
