// The rule texts of revenue.md's keys are listed with their source and refused, like exclude rules, with their own line and key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../shared/contractTypes';
import { checkRuleText } from '../../electron/engine/contract/checkRuleExpression';
import { ContractError } from '../../electron/engine/contract/ContractError';
import { listRevenueRules, type RevenueRule } from '../../electron/engine/contract/listRevenueRules';
import { parseContract } from '../../electron/engine/contract/parseContract';
import { openDatabase, type Database } from '../../electron/engine/openDatabase';
import { FULL_EXAMPLE, edit, lineOf } from './contractExample';
import { REVENUE_EXAMPLE } from './revenueContractExample';

const LABEL = 'revenue.yaml';
let db: Database;

beforeAll(async () => {
  db = await openDatabase(':memory:');
});
afterAll(() => db.close());

/** The columns a rule may read: the source's canonical fields and its file's headers (here, the headers the contract maps). */
function listColumns(contract: Contract, rule: RevenueRule): string[] {
  const fields = contract.sources.find((source) => source.name === rule.source)?.fields ?? {};
  return [...Object.keys(fields), ...Object.values(fields)];
}

async function findRefusal(text: string): Promise<unknown[]> {
  const contract = parseContract(text, LABEL);
  const refusals: unknown[] = [];
  for (const rule of listRevenueRules(contract)) {
    await checkRuleText(db, rule, listColumns(contract, rule), LABEL).catch((error: unknown) => refusals.push(error));
  }
  return refusals;
}

describe('listRevenueRules', () => {
  it("lists the example's three rules with their lines, keys and sources, and none for a contract without revenue keys", () => {
    const at = (fragment: string) => lineOf(REVENUE_EXAMPLE, fragment);
    expect(listRevenueRules(parseContract(REVENUE_EXAMPLE, LABEL))).toEqual([
      { expression: "is_primary = 'true'", line: at('primary: "is_primary'), key: 'links.opportunity_people.primary', subject: "the primary rule of link 'opportunity_people'", source: 'contact_roles' },
      {
        expression: "lead_source IN ('Web', 'Paid Search', 'Webinar', 'Email')",
        line: at('crm: "lead_source'),
        key: 'attribution[0].sourced.crm',
        subject: "the sourced.crm rule of attribution 'Q3 pipeline by channel'",
        source: 'opportunities',
      },
      { expression: "type IN ('Call', 'Email')", line: at('to: { source: tasks'), key: 'shared_metrics.sla[0].to.where', subject: "the where rule of SLA 'Speed to lead'", source: 'tasks' },
    ]);
    expect(listRevenueRules(parseContract(FULL_EXAMPLE, LABEL))).toEqual([]);
  });
});

describe('checkRuleText on revenue rules', () => {
  it("accepts the example's rules against their sources' columns", async () => {
    expect(await findRefusal(REVENUE_EXAMPLE)).toEqual([]);
  });

  it('refuses an unknown column and a subquery, naming the rule by its own line and key', async () => {
    const typo = edit(REVENUE_EXAMPLE, `where: "type IN ('Call', 'Email')"`, `where: "typ IN ('Call', 'Email')"`);
    const [unknownColumn] = await findRefusal(typo);
    expect(unknownColumn).toBeInstanceOf(ContractError);
    expect((unknownColumn as ContractError).issues).toEqual([
      {
        line: lineOf(typo, 'to: { source: tasks'),
        key: 'shared_metrics.sla[0].to.where',
        message: "the where rule of SLA 'Speed to lead' is refused: unknown column 'typ', did you mean 'type'? (columns: email, done_at, type, Email, Date, Task Type) (position 1)",
      },
    ]);
    const subquery = edit(REVENUE_EXAMPLE, `primary: "is_primary = 'true'"`, `primary: "is_primary IN (SELECT 'true')"`);
    const [reachesOut] = await findRefusal(subquery);
    expect((reachesOut as ContractError).issues).toEqual([
      {
        line: lineOf(subquery, 'primary: "is_primary'),
        key: 'links.opportunity_people.primary',
        message: "the primary rule of link 'opportunity_people' is refused: contains a subquery, which reaches outside the row (position 12)",
      },
    ]);
  });
});
