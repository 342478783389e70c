// `recon verify`'s output: one line per reconciliation (who signed off, when, on which version, whether it holds and if not what changed).
import type { Verification } from '../engine/review/verifySignOffs';

export function formatVerification(verifications: readonly Verification[]): string {
  return verifications
    .map(({ reconciliation, signOff }) => {
      if (!signOff) return `${reconciliation}: no sign-off\n`;
      const signed = `${reconciliation}: signed off by ${signOff.by} on ${signOff.at} (version ${signOff.version})`;
      return signOff.holds ? `${signed}: holds\n` : `${signed}: no longer holds: ${signOff.changes.join('; ')}\n`;
    })
    .join('');
}
