// One card of the Shared metrics screen: the number, how it moved, fact or interpretation, the contract lines it comes from, and its drills.
import type { ReactNode } from 'react';
import type { Basis } from '../../../shared/metricsReportTypes';
import type { ContractLine } from '../../model/readContractBlock';
import { BasisMarker } from './BasisMarker';
import { ContractLines } from './ContractLines';

interface Props {
  title: string;
  /** The number as shown, with its unit. */
  value: string;
  /** How the number moved with the last contract edit (a Moved), or nothing. */
  moved?: ReactNode;
  basis: Basis;
  dependsOn: string;
  definition: ContractLine[];
  children?: ReactNode;
}

export function MetricCard({ title, value, moved, basis, dependsOn, definition, children }: Props) {
  return (
    <article className={`metric-card metric-card-${basis}`} aria-label={title}>
      <h3>{title}</h3>
      <p className="metric-value">
        {value} {moved}
      </p>
      <BasisMarker basis={basis} dependsOn={dependsOn} />
      {children}
      <ContractLines lines={definition} label={`${title}: definition as written in the contract`} />
    </article>
  );
}
