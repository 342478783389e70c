// The contract keys of revenue.md (links, funnels, shared metrics, SLAs): the example parsed to exactly what it says, and every mistake named by its line and key.
import { describe, expect, it } from 'vitest';
import type { RevenueSpec } from '../../shared/revenueContractTypes';
import { parseContract } from '../../electron/engine/contract/parseContract';
import { FULL_EXAMPLE, edit, lineOf } from './contractExample';
import { REVENUE_EXAMPLE } from './revenueContractExample';
import { LABEL, expectProblems, expectOneProblem, mistake, lineInExample } from './revenueContractProblems';

const at = lineInExample;

describe("revenue.md's example contract", () => {
  it('parses to exactly the revenue spec it describes', () => {
    const contract = parseContract(REVENUE_EXAMPLE, LABEL);
    const expected: RevenueSpec = {
      links: [
        {
          name: 'opportunity_people',
          source: 'contact_roles',
          from: 'opportunity_id',
          to: 'email',
          normalizeFrom: ['trim', 'salesforce_id'],
          normalizeTo: ['trim', 'lowercase', 'strip_plus_tag'],
          primary: "is_primary = 'true'",
          primaryLine: at('primary: "is_primary'),
          line: at('  opportunity_people:'),
        },
      ],
      funnels: [
        {
          name: 'Q3 MQLs to revenue',
          cohort: 'MQL',
          key: 'email',
          stages: [
            { metric: 'SQL', line: at('{ metric: SQL }') },
            { metric: 'Opportunity', via: 'opportunity_people', line: at('{ metric: Opportunity,') },
            { metric: 'Won', via: 'opportunity_people', line: at('{ metric: Won,') },
          ],
          windowDays: 270,
          windowText: '270 days',
          line: at('- name: Q3 MQLs to revenue'),
        },
      ],
      touches: {
        source: 'touches',
        key: 'email',
        date: 'touched_at',
        channel: 'channel',
        campaign: 'campaign',
        marketingChannels: ['Paid Search', 'Paid Social', 'Email', 'Webinar', 'Content', 'Events', 'Organic Search'],
        line: REVENUE_EXAMPLE.split('\n').indexOf('touches:') + 1,
      },
      attribution: [
        {
          name: 'Q3 pipeline by channel',
          opportunities: 'Opportunity',
          via: 'opportunity_people',
          people: 'all',
          lookback: { text: '365 days', hours: 8760 },
          models: ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay', 'self_reported'],
          halfLife: { text: '7 days', hours: 168 },
          milestone: 'MQL',
          selfReported: { field: 'how_heard', map: { google: 'Paid Search', 'a friend': 'Referral' } },
          sourced: { crm: "lead_source IN ('Web', 'Paid Search', 'Webinar', 'Email')", crmLine: at('crm: "lead_source'), touches: 'first_touch' },
          line: at('- name: Q3 pipeline by channel'),
        },
      ],
      sharedMetrics: {
        periodMetric: 'Won',
        lost: 'Lost',
        opportunities: 'Opportunity',
        sourcedBy: 'Q3 pipeline by channel',
        winRateBy: 'lead_source',
        spend: { source: 'spend', date: 'month', value: 'amount', channel: 'channel', line: at('spend: { source: spend') },
        sla: [
          {
            name: 'Speed to lead',
            from: 'MQL',
            to: { source: 'tasks', key: 'email', date: 'done_at', where: "type IN ('Call', 'Email')", whereLine: at('to: { source: tasks') },
            within: { text: '24 hours', hours: 24 },
            line: at('- name: Speed to lead'),
          },
        ],
        line: at('shared_metrics:'),
      },
    };
    expect(contract.revenue).toEqual(expected);
    expect(contract.reconcile).toEqual([]);
    expect(contract.metrics.map((metric) => metric.name)).toEqual(['MQL', 'SQL', 'Opportunity', 'Won', 'Lost']);
  });
});

describe('revenue keys: presence, defaults and the keys they relax', () => {
  it('leaves `revenue` out of a contract without any of its keys', () => {
    expect(parseContract(FULL_EXAMPLE, LABEL).revenue).toBeUndefined();
  });

  it('fills the defaults: link normalize.from [trim], window 365 days, people all, lookback 365 days, every channel marketing', () => {
    let text = edit(REVENUE_EXAMPLE, '    normalize: { from: [trim, salesforce_id], to: [trim, lowercase, strip_plus_tag] }\n    primary: "is_primary = \'true\'"\n', '');
    text = edit(text, '    window: 270 days\n', '');
    text = edit(text, '    people: all\n    lookback: 365 days\n', '');
    text = edit(text, '  marketing_channels: [Paid Search, Paid Social, Email, Webinar, Content, Events, Organic Search]\n', '');
    const revenue = parseContract(text, LABEL).revenue;
    expect(revenue?.links[0]).toEqual({ name: 'opportunity_people', source: 'contact_roles', from: 'opportunity_id', to: 'email', normalizeFrom: ['trim'], line: lineOf(text, '  opportunity_people:') });
    expect(revenue?.funnels[0]).toMatchObject({ windowDays: 365, windowText: '365 days' });
    expect(revenue?.attribution[0]).toMatchObject({ people: 'all', lookback: { text: '365 days', hours: 8760 } });
    expect(revenue?.touches).not.toHaveProperty('marketingChannels');
  });

  it('reads a link without `normalize.to` as using the identity normalisers (absent), and `normalize.from` alone', () => {
    const text = edit(REVENUE_EXAMPLE, '{ from: [trim, salesforce_id], to: [trim, lowercase, strip_plus_tag] }', '{ from: [salesforce_id] }');
    const link = parseContract(text, LABEL).revenue?.links[0];
    expect(link?.normalizeFrom).toEqual(['salesforce_id']);
    expect(link).not.toHaveProperty('normalizeTo');
  });

  it('needs no `reconcile` with funnels or attribution, accepts an empty one, and still needs it without them', () => {
    expect(parseContract(edit(REVENUE_EXAMPLE, 'links:\n', 'reconcile: []\nlinks:\n'), LABEL).reconcile).toEqual([]);
    const noFunnel = REVENUE_EXAMPLE.slice(0, REVENUE_EXAMPLE.indexOf('funnels:')) + REVENUE_EXAMPLE.slice(REVENUE_EXAMPLE.indexOf('\ntouches:\n') + 1);
    expect(parseContract(noFunnel, LABEL).revenue?.funnels).toEqual([]);
    const noAttribution = noFunnel.slice(0, noFunnel.indexOf('attribution:')) + noFunnel.slice(noFunnel.indexOf('shared_metrics:')).replace('  sourced_by: Q3 pipeline by channel\n', '');
    expectOneProblem(noAttribution, 1, 'reconcile', 'required key is missing');
    const emptyBridges = edit(noAttribution, 'links:\n', 'reconcile: []\nlinks:\n');
    expectOneProblem(emptyBridges, lineOf(emptyBridges, 'reconcile: []'), 'reconcile', 'needs at least one entry (name, left, right)');
  });

  it('lets a metric of no bridge live on a source without the identity key, but not a metric of a bridge on identity', () => {
    // Opportunity and Won count opportunities, which have no email: fine until a bridge without `match` joins them on it.
    expect(parseContract(REVENUE_EXAMPLE, LABEL).identity).toEqual({ key: 'email', normalize: ['trim', 'lowercase'] });
    const bridged = edit(REVENUE_EXAMPLE, 'links:\n', 'reconcile:\n  - { name: created vs won, left: Opportunity, right: Won }\nlinks:\n');
    expectOneProblem(
      bridged,
      lineOf(bridged, 'identity:') + 1,
      'identity.key',
      "'email' is not a field of source 'opportunities' (used by metric 'Opportunity')",
    );
  });
});

describe('links: every mistake with its line, key and message', () => {
  it('a source that is not declared, with the nearest', () => {
    const { text, line } = mistake('    source: contact_roles', '    source: contact_role');
    expectOneProblem(text, line, 'links.opportunity_people.source', "unknown source 'contact_role', did you mean 'contact_roles'?");
  });

  it('`from` and `to` that are not fields of the link source', () => {
    const from = mistake('    from: opportunity_id', '    from: opportunityid');
    expectOneProblem(from.text, from.line, 'links.opportunity_people.from', "'opportunityid' is not a field of source 'contact_roles', did you mean 'opportunity_id'? (its fields: opportunity_id, email, is_primary)");
    const to = mistake('    to: email', '    to: e_mail');
    expectOneProblem(to.text, to.line, 'links.opportunity_people.to', "'e_mail' is not a field of source 'contact_roles', did you mean 'email'? (its fields: opportunity_id, email, is_primary)");
  });

  it('a missing required key', () => {
    const text = edit(REVENUE_EXAMPLE, '    to: email\n', '');
    expectOneProblem(text, lineOf(text, '  opportunity_people:'), 'links.opportunity_people.to', 'required key is missing');
  });

  it('normalisers: unknown ones, contradicting ones, and an unknown side', () => {
    const unknown = mistake('to: [trim, lowercase, strip_plus_tag] }', 'to: [trim, lower] }');
    expectOneProblem(unknown.text, unknown.line, 'links.opportunity_people.normalize.to', "'lower' is not one of trim | lowercase | strip_plus_tag | gmail_dots | digits_only | salesforce_id, did you mean 'lowercase'?");
    const contradiction = mistake('{ from: [trim, salesforce_id],', '{ from: [trim, lowercase, salesforce_id],');
    expectOneProblem(contradiction.text, contradiction.line, 'links.opportunity_people.normalize.from', "'salesforce_id' keeps case (15-character Salesforce ids differ by case alone), so it cannot be combined with 'lowercase'");
    const side = mistake('{ from: [trim, salesforce_id],', '{ form: [trim, salesforce_id],');
    expectOneProblem(side.text, side.line, 'links.opportunity_people.normalize.form', "unknown key 'form', did you mean 'from'?");
  });

  it('a primary rule that is not text, an empty list, and two links with one name', () => {
    const notText = mistake(`    primary: "is_primary = 'true'"`, '    primary: true');
    expectOneProblem(notText.text, notText.line, 'links.opportunity_people.primary', 'must be text, not boolean true (put it in quotes)');
    const empty = REVENUE_EXAMPLE.slice(0, REVENUE_EXAMPLE.indexOf('links:')) + 'links: {}\n' + REVENUE_EXAMPLE.slice(REVENUE_EXAMPLE.indexOf('funnels:')).replaceAll(', via: opportunity_people', '').replace('    via: opportunity_people\n', '');
    const problems = expectProblems(empty).issues;
    expect(problems[0]).toEqual({ line: lineOf(empty, 'links: {}'), key: 'links', message: 'needs at least one link (name: source, from, to), or leave the key out' });
    const twice = edit(REVENUE_EXAMPLE, '\nfunnels:\n', '\n  opportunity_people: { source: contact_roles, from: opportunity_id, to: email }\nfunnels:\n');
    const line = lineOf(twice, '  opportunity_people: {');
    expectOneProblem(twice, line, 'links.opportunity_people', `duplicate key (first written at line ${at('  opportunity_people:')})`);
  });
});

describe('funnels: every mistake with its line, key and message', () => {
  it('a cohort or stage metric that is not declared, with the nearest', () => {
    const cohort = mistake('    cohort: MQL', '    cohort: MQLs');
    expectOneProblem(cohort.text, cohort.line, 'funnels[0].cohort', "unknown metric 'MQLs', did you mean 'MQL'?");
    const stage = mistake('{ metric: SQL }', '{ metric: SLQ }');
    expectOneProblem(stage.text, stage.line, 'funnels[0].stages[0].metric', "unknown metric 'SLQ', did you mean 'SQL'?");
  });

  it('a `via` naming an unknown link, and a `via` when the contract has no links', () => {
    const typo = mistake('{ metric: Opportunity, via: opportunity_people }', '{ metric: Opportunity, via: opportunity_person }');
    expectOneProblem(typo.text, typo.line, 'funnels[0].stages[1].via', "unknown link 'opportunity_person', did you mean 'opportunity_people'?");
    const noLinks = REVENUE_EXAMPLE.slice(0, REVENUE_EXAMPLE.indexOf('links:')) + REVENUE_EXAMPLE.slice(REVENUE_EXAMPLE.indexOf('funnels:'));
    const issues = expectProblems(noLinks).issues;
    expect(issues).toContainEqual({ line: lineOf(noLinks, '{ metric: Won,'), key: 'funnels[0].stages[2].via', message: "unknown link 'opportunity_people': the contract has no 'links'" });
    expect(issues.map((issue) => issue.key)).toEqual(['funnels[0].stages[1].via', 'funnels[0].stages[2].via', 'attribution[0].via']);
  });

  it('a funnel key that is not a field of the cohort source (reported once, not again on each stage)', () => {
    const { text, line } = mistake('    key: email\n    stages:', '    key: e_mail\n    stages:', '    key: e_mail');
    expectOneProblem(text, line, 'funnels[0].key', "'e_mail' is not a field of source 'hubspot', did you mean 'email'? (its fields: email, mql_at)");
  });

  it('a stage without `via` whose metric source lacks the funnel key', () => {
    const { text, line } = mistake('{ metric: Won, via: opportunity_people }', '{ metric: Won }');
    expectOneProblem(
      text,
      line,
      'funnels[0].stages[2].metric',
      "the stage has no 'via', so it links on the funnel key, but 'email' is not a field of source 'opportunities' (its fields: amount, created_at, close_date, stage, lead_source, how_heard); name the link that reaches its records in 'via'",
    );
  });

  it('a link reaching a metric whose source has no id column', () => {
    const text = edit(REVENUE_EXAMPLE, '    id: Opportunity ID\n', '');
    const message = "link 'opportunity_people' reaches metric 'Opportunity' by record id, but its source 'opportunities' has no 'id' column (set sources.opportunities.id)";
    expect(expectProblems(text).issues).toEqual([
      { line: lineOf(text, '{ metric: Opportunity,'), key: 'funnels[0].stages[1].via', message },
      { line: lineOf(text, '{ metric: Won,'), key: 'funnels[0].stages[2].via', message: message.replace("metric 'Opportunity'", "metric 'Won'") },
      { line: lineOf(text, '    via: opportunity_people'), key: 'attribution[0].via', message },
    ]);
  });

  it('windows: in hours, without a unit, in words', () => {
    const hours = mistake('    window: 270 days', '    window: 48 hours');
    expectOneProblem(hours.text, hours.line, 'funnels[0].window', "'48 hours' is in hours, but a funnel window counts calendar days: write a whole number of days ('270 days')");
    const bare = mistake('    window: 270 days', '    window: 270');
    expectOneProblem(bare.text, bare.line, 'funnels[0].window', "must be a whole number of days ('270 days'): '270' needs its unit");
    const words = mistake('    window: 270 days', '    window: nine months');
    expectOneProblem(words.text, words.line, 'funnels[0].window', "must be a whole number of days ('270 days'), not 'nine months'");
    expect(parseContract(edit(REVENUE_EXAMPLE, '    window: 270 days', '    window: 1 day'), LABEL).revenue?.funnels[0]).toMatchObject({ windowDays: 1, windowText: '1 day' });
  });

  it('missing and unknown keys, no stages, and two funnels with one name', () => {
    const typo = mistake('    window: 270 days', '    windwo: 270 days');
    expectOneProblem(typo.text, typo.line, 'funnels[0].windwo', "unknown key 'windwo', did you mean 'window'?");
    const noCohort = edit(REVENUE_EXAMPLE, '    cohort: MQL\n', '');
    expectOneProblem(noCohort, lineOf(noCohort, '- name: Q3 MQLs'), 'funnels[0].cohort', 'required key is missing');
    const stagesStart = REVENUE_EXAMPLE.indexOf('    stages:\n');
    const noStages = `${REVENUE_EXAMPLE.slice(0, stagesStart)}    stages: []\n${REVENUE_EXAMPLE.slice(REVENUE_EXAMPLE.indexOf('    window: 270 days'))}`;
    expectOneProblem(noStages, lineOf(noStages, 'stages: []'), 'funnels[0].stages', 'needs at least one stage ({ metric: ... })');
    const twice = edit(REVENUE_EXAMPLE, '\ntouches:\n', '\n  - { name: Q3 MQLs to revenue, cohort: MQL, key: email, stages: [{ metric: SQL }] }\ntouches:\n');
    expectOneProblem(twice, lineOf(twice, '  - { name: Q3 MQLs'), 'funnels[1].name', `'Q3 MQLs to revenue' is already the name of the entry at line ${at('- name: Q3 MQLs to revenue')}`);
  });
});

describe('shared_metrics and SLAs: every mistake with its line, key and message', () => {
  it('metrics that are not declared', () => {
    const won = mistake('  period_metric: Won', '  period_metric: Wonn');
    // win_rate_by is then checked on Lost's source alone, which has it.
    expectOneProblem(won.text, won.line, 'shared_metrics.period_metric', "unknown metric 'Wonn', did you mean 'Won'?");
    const lost = mistake('  lost: Lost', '  lost: Loss');
    expectOneProblem(lost.text, lost.line, 'shared_metrics.lost', "unknown metric 'Loss', did you mean 'Lost'?");
    const opportunities = mistake('  opportunities: Opportunity\n  sourced_by', '  opportunities: Opportunities\n  sourced_by', '  opportunities: Opportunities');
    expectOneProblem(opportunities.text, opportunities.line, 'shared_metrics.opportunities', "unknown metric 'Opportunities', did you mean 'Opportunity'?");
    const noPeriod = edit(REVENUE_EXAMPLE, '  period_metric: Won\n', '');
    expectOneProblem(noPeriod, lineOf(noPeriod, 'shared_metrics:'), 'shared_metrics.period_metric', 'required key is missing');
  });

  it('sourced_by naming an unknown attribution entry', () => {
    const { text, line } = mistake('  sourced_by: Q3 pipeline by channel', '  sourced_by: Q3 pipeline by chanel');
    expectOneProblem(text, line, 'shared_metrics.sourced_by', "unknown attribution entry 'Q3 pipeline by chanel', did you mean 'Q3 pipeline by channel'?");
  });

  it('win_rate_by that is not a field of the won and lost metrics source', () => {
    const { text, line } = mistake('  win_rate_by: lead_source', '  win_rate_by: leadsource');
    expectOneProblem(text, line, 'shared_metrics.win_rate_by', "metric 'Won' cannot be grouped by it: 'leadsource' is not a field of source 'opportunities', did you mean 'lead_source'? (its fields: amount, created_at, close_date, stage, lead_source, how_heard)");
  });

  it('spend: an unknown source, fields it lacks, a missing value', () => {
    const source = mistake('{ source: spend, date: month', '{ source: spending, date: month');
    expectOneProblem(source.text, source.line, 'shared_metrics.spend.source', "unknown source 'spending', did you mean 'spend'?");
    const fields = mistake('date: month, value: amount, channel: channel }', 'date: months, value: amount_usd, channel: channel }');
    const fieldList = '(its fields: month, channel, amount)';
    expect(expectProblems(fields.text).issues).toEqual([
      { line: fields.line, key: 'shared_metrics.spend.date', message: `'months' is not a field of source 'spend', did you mean 'month'? ${fieldList}` },
      { line: fields.line, key: 'shared_metrics.spend.value', message: `'amount_usd' is not a field of source 'spend', did you mean 'amount'? ${fieldList}` },
    ]);
    const noValue = mistake('date: month, value: amount, channel: channel }', 'date: month, channel: channel }');
    expectOneProblem(noValue.text, noValue.line, 'shared_metrics.spend.value', 'required key is missing');
  });

  it("an SLA's metric, source, fields, rule and limit", () => {
    const from = mistake('      from: MQL', '      from: MQLL');
    expectOneProblem(from.text, from.line, 'shared_metrics.sla[0].from', "unknown metric 'MQLL', did you mean 'MQL'?");
    const source = mistake('{ source: tasks,', '{ source: task,');
    expectOneProblem(source.text, source.line, 'shared_metrics.sla[0].to.source', "unknown source 'task', did you mean 'tasks'?");
    const fields = mistake('key: email, date: done_at,', 'key: mail, date: done,');
    const fieldList = '(its fields: email, done_at, type)';
    expect(expectProblems(fields.text).issues).toEqual([
      { line: fields.line, key: 'shared_metrics.sla[0].to.key', message: `'mail' is not a field of source 'tasks', did you mean 'email'? ${fieldList}` },
      { line: fields.line, key: 'shared_metrics.sla[0].to.date', message: `'done' is not a field of source 'tasks', did you mean 'done_at'? ${fieldList}` },
    ]);
    const where = mistake(`where: "type IN ('Call', 'Email')" }`, 'where: 42 }');
    expectOneProblem(where.text, where.line, 'shared_metrics.sla[0].to.where', 'must be text, not number 42 (put it in quotes)');
    const within = mistake('      within: 24 hours', '      within: 24 hrs');
    expectOneProblem(within.text, within.line, 'shared_metrics.sla[0].within', "must be a whole number of days or hours ('365 days', '24 hours'), not '24 hrs'");
    const noWithin = edit(REVENUE_EXAMPLE, '      within: 24 hours\n', '');
    expectOneProblem(noWithin, lineOf(noWithin, '- name: Speed to lead'), 'shared_metrics.sla[0].within', 'required key is missing');
    expect(parseContract(edit(REVENUE_EXAMPLE, 'within: 24 hours', 'within: 2 days'), LABEL).revenue?.sharedMetrics?.sla[0]?.within).toEqual({ text: '2 days', hours: 48 });
  });

  it('two SLAs with one name', () => {
    const text = `${REVENUE_EXAMPLE}    - { name: Speed to lead, from: SQL, to: { source: tasks, key: email, date: done_at }, within: 1 hour }\n`;
    expectOneProblem(text, lineOf(text, '- { name: Speed to lead'), 'shared_metrics.sla[1].name', `'Speed to lead' is already the name of the entry at line ${at('- name: Speed to lead')}`);
  });
});
