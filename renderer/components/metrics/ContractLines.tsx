// A part of the contract exactly as written, with its line numbers: the definition a number is computed from.
import type { ContractLine } from '../../model/readContractBlock';

export function ContractLines({ lines, label }: { lines: ContractLine[]; label: string }) {
  if (lines.length === 0) return null;
  return (
    <figure className="contract-lines">
      <figcaption>{label}</figcaption>
      <pre aria-label={label}>
        {lines.map((l) => (
          <span key={l.line} className="contract-line">
            <span className="line-number" aria-hidden="true">
              {l.line}
            </span>
            {l.text}
            {'\n'}
          </span>
        ))}
      </pre>
    </figure>
  );
}
