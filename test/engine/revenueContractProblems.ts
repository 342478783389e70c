// Parses revenue.md contract texts in tests: the example edited into a mistake, and the problems it must give.
import { expect } from 'vitest';
import { ContractError } from '../../electron/engine/contract/ContractError';
import { parseContract } from '../../electron/engine/contract/parseContract';
import { edit, lineOf } from './contractExample';
import { REVENUE_EXAMPLE } from './revenueContractExample';

export const LABEL = 'revenue.yaml';

export function expectProblems(text: string): ContractError {
  try {
    parseContract(text, LABEL);
  } catch (error) {
    expect(error).toBeInstanceOf(ContractError);
    return error as ContractError;
  }
  throw new Error('expected the contract to be refused');
}

/** Exactly one problem, with its whole message. */
export function expectOneProblem(text: string, line: number, key: string, message: string): void {
  expect(expectProblems(text).issues).toEqual([{ line, key, message }]);
}

/** REVENUE_EXAMPLE with `from` replaced by `to`, and the line of `fragment` in the result. */
export function mistake(from: string, to: string, fragment = to.trim().split('\n')[0] ?? to): { text: string; line: number } {
  const text = edit(REVENUE_EXAMPLE, from, to);
  return { text, line: lineOf(text, fragment) };
}

/** The line of `fragment` in REVENUE_EXAMPLE. */
export function lineInExample(fragment: string): number {
  return lineOf(REVENUE_EXAMPLE, fragment);
}
