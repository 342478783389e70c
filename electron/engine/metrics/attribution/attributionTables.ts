// Names of the temporary tables one attribution entry is computed in; they stay while the investigation is open (drills and timelines read them).

/** Tables of the entry at `index` in the contract's `attribution` list. */
export function attributionTables(index: number) {
  const prefix = `__ma${index}_`;
  return {
    /** row_no, id, instant, v (HUGEINT cents; 100 when the metric has no value), in_period. */
    opps: `${prefix}opps`,
    /** opp_row, person: the people an opportunity's touches are looked up by. */
    people: `${prefix}people`,
    /** opp_row, t_row, t_id, person, instant, channel, campaign, pos, n, days: the counted touches, in order. */
    counted: `${prefix}counted`,
    /** opp_row, m_pos: the W-shaped milestone touch's position (absent: none). */
    milestone: `${prefix}milestone`,
    /** model, opp_row, t_row, pos, channel, campaign, num, den (exact share num/den; NULL for time decay), share (DOUBLE). */
    shares: `${prefix}shares`,
    /** model, opp_row, channel: the largest share's touch (ties: the earliest) per touch model. */
    top: `${prefix}top`,
    /** opp_row, crm, touches, influenced: sourced statuses of every opportunity, period step not applied. */
    status: `${prefix}status`,
  };
}

export type AttributionTables = ReturnType<typeof attributionTables>;
