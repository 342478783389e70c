// The contract keys of revenue.md for attribution (touches, attribution, metrics read per person): every mistake named by its line and key.
import { describe, expect, it } from 'vitest';
import { parseContract } from '../../electron/engine/contract/parseContract';
import { edit, lineOf } from './contractExample';
import { REVENUE_EXAMPLE } from './revenueContractExample';
import { LABEL, expectProblems, expectOneProblem, mistake, lineInExample } from './revenueContractProblems';

const at = lineInExample;

describe('touches: every mistake with its line, key and message', () => {
  const fieldList = '(its fields: email, touched_at, channel, campaign)';

  it('a source that is not declared, and fields it lacks', () => {
    const source = mistake('  source: touches\n', '  source: touchs\n', '  source: touchs');
    expectOneProblem(source.text, source.line, 'touches.source', "unknown source 'touchs', did you mean 'touches'?");
    for (const [from, to, key, message] of [
      ['  key: email\n  date:', '  key: mail\n  date:', 'touches.key', `'mail' is not a field of source 'touches', did you mean 'email'? ${fieldList}`],
      ['  date: touched_at', '  date: touched', 'touches.date', `'touched' is not a field of source 'touches', did you mean 'touched_at'? ${fieldList}`],
      ['  channel: channel\n  campaign', '  channel: chanel\n  campaign', 'touches.channel', `'chanel' is not a field of source 'touches', did you mean 'channel'? ${fieldList}`],
      ['  campaign: campaign', '  campaign: campaign_name', 'touches.campaign', `'campaign_name' is not a field of source 'touches', did you mean 'campaign'? ${fieldList}`],
    ] as const) {
      const { text, line } = mistake(from, to, to.split('\n')[0]);
      expectOneProblem(text, line, key, message);
    }
  });

  it('a missing required key, and marketing channels: empty, or one written alone', () => {
    const noChannel = edit(REVENUE_EXAMPLE, '  channel: channel\n  campaign', '  campaign');
    expectOneProblem(noChannel, noChannel.split('\n').indexOf('touches:') + 1, 'touches.channel', 'required key is missing');
    const empty = mistake('  marketing_channels: [Paid Search, Paid Social, Email, Webinar, Content, Events, Organic Search]', '  marketing_channels: []');
    expectOneProblem(empty.text, empty.line, 'touches.marketing_channels', 'needs at least one channel; leave the key out when every channel is marketing');
    const alone = edit(REVENUE_EXAMPLE, '[Paid Search, Paid Social, Email, Webinar, Content, Events, Organic Search]', 'Webinar');
    expect(parseContract(alone, LABEL).revenue?.touches?.marketingChannels).toEqual(['Webinar']);
  });

  it('attribution without touches', () => {
    const start = REVENUE_EXAMPLE.indexOf('\ntouches:\n') + 1;
    const text = REVENUE_EXAMPLE.slice(0, start) + REVENUE_EXAMPLE.slice(REVENUE_EXAMPLE.indexOf('attribution:'));
    expectOneProblem(text, lineOf(text, 'attribution:'), 'attribution', "attribution credits touches: say how they are read in 'touches' (source, key, date, channel)");
  });
});

describe('attribution: every mistake with its line, key and message', () => {
  const opportunityFields = '(its fields: amount, created_at, close_date, stage, lead_source, how_heard)';

  it('an opportunities metric or a via link that is not declared', () => {
    const metric = mistake('    opportunities: Opportunity', '    opportunities: Opportunites');
    expectOneProblem(metric.text, metric.line, 'attribution[0].opportunities', "unknown metric 'Opportunites', did you mean 'Opportunity'?");
    const via = mistake('    via: opportunity_people', '    via: opportunity_peeple');
    expectOneProblem(via.text, via.line, 'attribution[0].via', "unknown link 'opportunity_peeple', did you mean 'opportunity_people'?");
  });

  it('no via: required unless the opportunities source has the touch key itself', () => {
    const text = edit(REVENUE_EXAMPLE, '    via: opportunity_people\n', '');
    expectOneProblem(
      text,
      lineOf(text, '- name: Q3 pipeline'),
      'attribution[0].via',
      `required key is missing: touches are found on their key 'email', but 'email' is not a field of source 'opportunities' ${opportunityFields}; name the link that reaches the opportunities' people`,
    );
    const ownKey = edit(text, '{ amount: Amount, created_at:', '{ email: Contact Email, amount: Amount, created_at:');
    expect(parseContract(ownKey, LABEL).revenue?.attribution[0]).not.toHaveProperty('via');
  });

  it('people: a word that is not all or primary, primary without a primary rule, primary without via', () => {
    const word = mistake('    people: all', '    people: everyone');
    expectOneProblem(word.text, word.line, 'attribution[0].people', "'everyone' is not one of all | primary");
    const noRule = edit(mistake('    people: all', '    people: primary').text, `    primary: "is_primary = 'true'"\n`, '');
    expectOneProblem(noRule, lineOf(noRule, 'people: primary'), 'attribution[0].people', "'primary' picks the primary pairs of link 'opportunity_people', but the link has no 'primary' rule");
    const noVia = edit(edit(REVENUE_EXAMPLE, '    via: opportunity_people\n    people: all', '    people: primary'), '{ amount: Amount, created_at:', '{ email: Contact Email, amount: Amount, created_at:');
    expectOneProblem(noVia, lineOf(noVia, 'people: primary'), 'attribution[0].people', "'primary' picks the primary pairs of the 'via' link, and this entry has no 'via'");
    expect(parseContract(edit(REVENUE_EXAMPLE, '    people: all', '    people: primary'), LABEL).revenue?.attribution[0]?.people).toBe('primary');
  });

  it('lookback and half-life durations', () => {
    const lookback = mistake('    lookback: 365 days', '    lookback: 1 year');
    expectOneProblem(lookback.text, lookback.line, 'attribution[0].lookback', "must be a whole number of days or hours ('365 days', '24 hours'), not '1 year'");
    expect(parseContract(edit(REVENUE_EXAMPLE, 'lookback: 365 days', 'lookback: 48 hours'), LABEL).revenue?.attribution[0]?.lookback).toEqual({ text: '48 hours', hours: 48 });
    const zero = mistake('{ half_life: 7 days }', '{ half_life: 0 days }');
    expectOneProblem(zero.text, zero.line, 'attribution[0].time_decay.half_life', 'must be more than 0 days');
    const missing = mistake('{ half_life: 7 days }', '{ halflife: 7 days }');
    expectOneProblem(missing.text, missing.line, 'attribution[0].time_decay.halflife', "unknown key 'halflife', did you mean 'half_life'?");
  });

  it('models: unknown, repeated, none', () => {
    const unknown = mistake('[first_touch, last_touch, linear, u_shaped,', '[first_touch, last_touch, linear, u-shaped,');
    expectOneProblem(
      unknown.text,
      unknown.line,
      'attribution[0].models[3]',
      "'u-shaped' is not one of first_touch | last_touch | linear | u_shaped | w_shaped | time_decay | self_reported, did you mean 'u_shaped'?",
    );
    const repeated = mistake('[first_touch, last_touch, linear,', '[first_touch, last_touch, first_touch, linear,');
    expectOneProblem(repeated.text, repeated.line, 'attribution[0].models[2]', "'first_touch' is already listed");
    const none = mistake('    models: [first_touch, last_touch, linear, u_shaped, w_shaped, time_decay, self_reported]', '    models: []');
    expectOneProblem(none.text, none.line, 'attribution[0].models', 'needs at least one model (first_touch, last_touch, linear, u_shaped, w_shaped, time_decay, self_reported)');
    const absent = edit(REVENUE_EXAMPLE, '    models: [first_touch, last_touch, linear, u_shaped, w_shaped, time_decay, self_reported]\n', '');
    expectOneProblem(absent, lineOf(absent, '- name: Q3 pipeline'), 'attribution[0].models', 'required key is missing');
  });

  it('a model in use without its settings: listed, or named by sourced.touches', () => {
    const models = at('    models: [');
    const noHalfLife = edit(REVENUE_EXAMPLE, '    time_decay: { half_life: 7 days }\n', '');
    expectOneProblem(noHalfLife, models, 'attribution[0].time_decay', "'time_decay' needs its half-life: time_decay: { half_life: 7 days }");
    const noMilestone = edit(REVENUE_EXAMPLE, '    w_shaped: { milestone: MQL }\n', '');
    expectOneProblem(noMilestone, models, 'attribution[0].w_shaped', "'w_shaped' needs its milestone metric: w_shaped: { milestone: MQL }");
    const noField = edit(REVENUE_EXAMPLE, `    self_reported: { field: how_heard, map: { "Google": Paid Search, "A friend": Referral } }\n`, '');
    expectOneProblem(noField, models, 'attribution[0].self_reported', "'self_reported' needs the opportunities' field that holds the answer: self_reported: { field: how_heard }");
    const bySourced = edit(edit(noHalfLife, ', time_decay, self_reported]', ', self_reported]'), 'touches: first_touch', 'touches: time_decay');
    expectOneProblem(bySourced, lineOf(bySourced, '    sourced:'), 'attribution[0].time_decay', "'time_decay' needs its half-life: time_decay: { half_life: 7 days }");
  });

  it('the milestone metric, the self-reported field and its map', () => {
    const milestone = mistake('{ milestone: MQL }', '{ milestone: MLQ }');
    expectOneProblem(milestone.text, milestone.line, 'attribution[0].w_shaped.milestone', "unknown metric 'MLQ', did you mean 'MQL'?");
    const field = mistake('{ field: how_heard,', '{ field: how_herd,');
    expectOneProblem(field.text, field.line, 'attribution[0].self_reported.field', `'how_herd' is not a field of source 'opportunities', did you mean 'how_heard'? ${opportunityFields}`);
    const repeated = mistake('"A friend": Referral }', '"A friend": Referral, " google ": Organic Search }');
    expectOneProblem(repeated.text, repeated.line, 'attribution[0].self_reported.map. google ', "' google ' repeats a key of the map (keys are compared after trim, ignoring case)");
    const noMap = edit(REVENUE_EXAMPLE, ', map: { "Google": Paid Search, "A friend": Referral } }', ' }');
    expect(parseContract(noMap, LABEL).revenue?.attribution[0]?.selfReported).toEqual({ field: 'how_heard', map: {} });
  });

  it('sourced: a crm rule that is not text, a touch model that is none, nothing at all', () => {
    const crm = mistake(`      crm: "lead_source IN ('Web', 'Paid Search', 'Webinar', 'Email')"`, '      crm: [Web, Email]');
    expectOneProblem(crm.text, crm.line, 'attribution[0].sourced.crm', 'must be text');
    const selfReported = mistake('      touches: first_touch', '      touches: self_reported');
    expectOneProblem(
      selfReported.text,
      selfReported.line,
      'attribution[0].sourced.touches',
      "'self_reported' credits the opportunity's own field, not its touches: write one of first_touch | last_touch | linear | u_shaped | w_shaped | time_decay",
    );
    const typo = mistake('      touches: first_touch', '      touches: first');
    expectOneProblem(typo.text, typo.line, 'attribution[0].sourced.touches', "'first' is not one of first_touch | last_touch | linear | u_shaped | w_shaped | time_decay, did you mean 'first_touch'?");
    const sourcedStart = REVENUE_EXAMPLE.indexOf('    sourced:\n');
    const empty = `${REVENUE_EXAMPLE.slice(0, sourcedStart)}    sourced: {}\n${REVENUE_EXAMPLE.slice(REVENUE_EXAMPLE.indexOf('\nshared_metrics:') + 1)}`;
    expectOneProblem(empty, lineOf(empty, 'sourced: {}'), 'attribution[0].sourced', "needs 'crm' (a rule over the opportunity's fields), 'touches' (a touch model) or both");
    const crmOnly = edit(REVENUE_EXAMPLE, '      touches: first_touch\n', '');
    expect(parseContract(crmOnly, LABEL).revenue?.attribution[0]?.sourced).toEqual({ crm: "lead_source IN ('Web', 'Paid Search', 'Webinar', 'Email')", crmLine: lineOf(crmOnly, 'crm: "lead_source') });
  });

  it('two entries with one name, and an unknown key', () => {
    const text = edit(REVENUE_EXAMPLE, '\nshared_metrics:\n', '\n  - { name: Q3 pipeline by channel, opportunities: Won, via: opportunity_people, models: [linear] }\nshared_metrics:\n');
    expectOneProblem(text, lineOf(text, '  - { name: Q3 pipeline by channel'), 'attribution[1].name', `'Q3 pipeline by channel' is already the name of the entry at line ${at('- name: Q3 pipeline by channel')}`);
    const typo = mistake('    lookback: 365 days', '    look_back: 365 days');
    expectOneProblem(typo.text, typo.line, 'attribution[0].look_back', "unknown key 'look_back', did you mean 'lookback'?");
  });
});

describe('metrics read per person (an SLA start, the W-shaped milestone) need a person key their source holds', () => {
  it("the milestone is read on its source's field named like the touches' key, whatever the identity key", () => {
    const text = edit(REVENUE_EXAMPLE, '    fields: { email: Email, mql_at: MQL Date }', '    fields: { e_mail: Email, mql_at: MQL Date }');
    const [milestone] = expectProblems(text).issues.filter((issue) => issue.key.startsWith('attribution'));
    expect(milestone).toEqual({
      line: lineOf(text, '{ milestone: MQL }'),
      key: 'attribution[0].w_shaped.milestone',
      message: "metric 'MQL' dates each person's milestone by the touches' key 'email', but 'email' is not a field of source 'hubspot', did you mean 'e_mail'? (its fields: e_mail, mql_at)",
    });
  });

  it('a metric keyed on a field its source lacks', () => {
    const { text, line } = mistake('      from: MQL', '      from: Opportunity');
    expectOneProblem(
      text,
      line,
      'shared_metrics.sla[0].from',
      "metric 'Opportunity' starts the SLA's clock per person on its key 'email', but 'email' is not a field of source 'opportunities' (its fields: amount, created_at, close_date, stage, lead_source, how_heard)",
    );
  });

  it('a metric with no person key at all, and one keyed by its own bridge', () => {
    const text = edit(REVENUE_EXAMPLE, 'identity:\n  key: email\n', '');
    // The milestone needs no identity: it is read on the touches' key, which its source has.
    expect(expectProblems(text).issues).toEqual([
      { line: lineOf(text, '      from: MQL'), key: 'shared_metrics.sla[0].from', message: "metric 'MQL' starts the SLA's clock per person, but it has no person key: set 'identity' (key: a field of source 'hubspot')" },
    ]);
    const bridged = edit(text, 'links:\n', 'reconcile:\n  - { name: MQL vs SQL, left: MQL, right: SQL, match: { left: email, right: email } }\nlinks:\n');
    expect(parseContract(bridged, LABEL).reconcile).toHaveLength(1);
  });
});
