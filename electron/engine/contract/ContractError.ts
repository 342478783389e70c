// A contract that cannot be used as written: every problem found, each with its line and key.
import { UserError } from '../UserError';

export interface ContractIssue {
  /** 1-based line in the contract file. */
  line: number;
  column?: number;
  /** Dotted path of the key, e.g. `metrics.MQL.exclude.internal`. */
  key: string;
  message: string;
}

export class ContractError extends UserError {
  readonly issues: ContractIssue[];

  constructor(
    readonly fileLabel: string,
    issues: ContractIssue[],
  ) {
    const [first] = issues;
    if (!first) throw new Error('ContractError needs at least one issue');
    const more = issues.length - 1;
    const tail = more === 0 ? '' : ` (and ${more} more problem${more === 1 ? '' : 's'})`;
    super(`${fileLabel}:${first.line}: ${first.key}: ${first.message}${tail}`, 'invalid_contract');
    this.name = 'ContractError';
    this.issues = issues;
  }
}
