// The campaign members export as the touch stories plan it, and the attribution settings the contract writes.
import type { Named, OpportunityRow } from '../revenue/revenueRecords';

export const ATTRIBUTION_NAME = 'Q3 pipeline by channel';
/** The second entry: the quarter's won deals on their close date, through their primary contacts only. */
export const REVENUE_ATTRIBUTION_NAME = 'Q3 revenue by channel';
/** The contract's lookback and time-decay half-life, in days. */
export const LOOKBACK_DAYS = 90;
export const HALF_LIFE_DAYS = 7;
export const NO_TOUCH = 'No touch';
export const NOT_REPORTED = 'Not reported';

/** The channels marketing owns (touches.marketing_channels); Sales Outreach and Partner are not among them. */
export const MARKETING_CHANNELS = ['Paid Search', 'Paid Social', 'Email', 'Webinar', 'Content', 'Events', 'Organic Search'];

/** Salesforce campaigns: name, the standard Type picklist, and the custom Channel field the touches are credited to. */
export interface Campaign {
  name: string;
  type: string;
  channel: string;
  /** Member Status of a response (a row without a response is `Sent`). */
  responded: string;
}

export const CAMPAIGNS: Campaign[] = [
  { name: 'Google Ads - Brand', type: 'Advertisement', channel: 'Paid Search', responded: 'Clicked' },
  { name: 'Google Ads - Reconciliation keywords', type: 'Advertisement', channel: 'Paid Search', responded: 'Clicked' },
  { name: 'LinkedIn - RevOps leaders', type: 'Banner Ads', channel: 'Paid Social', responded: 'Clicked' },
  { name: 'LinkedIn - Retargeting', type: 'Banner Ads', channel: 'Paid Social', responded: 'Clicked' },
  { name: 'Newsletter - Q3 2026', type: 'Email', channel: 'Email', responded: 'Clicked' },
  { name: 'Nurture - Data quality', type: 'Email', channel: 'Email', responded: 'Clicked' },
  { name: 'Webinar - Closing the MQL gap', type: 'Webinar', channel: 'Webinar', responded: 'Attended' },
  { name: 'Webinar - Pipeline math', type: 'Webinar', channel: 'Webinar', responded: 'Attended' },
  { name: 'Ebook - The RevOps playbook', type: 'Other', channel: 'Content', responded: 'Downloaded' },
  { name: 'Report - State of attribution 2026', type: 'Other', channel: 'Content', responded: 'Downloaded' },
  { name: 'RevOps Summit NYC 2026', type: 'Conference', channel: 'Events', responded: 'Visited Booth' },
  { name: 'SaaStr Annual 2026', type: 'Trade Show', channel: 'Events', responded: 'Visited Booth' },
  { name: 'Website - Demo request', type: 'Other', channel: 'Organic Search', responded: 'Responded' },
  { name: 'Website - Pricing page', type: 'Other', channel: 'Organic Search', responded: 'Responded' },
  { name: 'SDR sequence - Q3 outbound', type: 'Telemarketing', channel: 'Sales Outreach', responded: 'Replied' },
  { name: 'Partner referrals - Northwind', type: 'Partners', channel: 'Partner', responded: 'Referred' },
  // A campaign someone created without filling its Channel: its members are no touches.
  { name: 'Customer advisory dinner', type: 'Other', channel: '', responded: 'Attended' },
];

/**
 * The answers to "How did you hear about us?" that the contract's self_reported map names (looked up trimmed and
 * ignoring case). Anything else is its own channel.
 */
export const HOW_HEARD_MAP: [string, string][] = [
  ['Google', 'Paid Search'],
  ['Search engine', 'Organic Search'],
  ['LinkedIn', 'Paid Social'],
  ['Newsletter', 'Email'],
  ['Webinar', 'Webinar'],
  ['Blog', 'Content'],
  ['Conference', 'Events'],
  ['A friend', 'Referral'],
  ['Colleague', 'Referral'],
  ['Partner', 'Partner'],
];

/** One row of the campaign members report. */
export interface TouchRow extends Named {
  story: string;
  campaign: Campaign;
  memberType: 'Lead' | 'Contact';
  company: string;
  /** First Responded Date (a calendar date); null for a member who was only sent the campaign. */
  date: string | null;
  /** The opportunities the story says this touch counts for (its person is on them, in their lookback, not after them). */
  counts: OpportunityRow[];
  /** The won deals it counts for in the revenue entry (a primary contact's, in the lookback before the close date). */
  revenue: OpportunityRow[];
  /** Data row number in the written report (1 = first data row), set once the report's order is known. */
  row: number;
}

export interface TouchPlan {
  touches: TouchRow[];
  /** "How did you hear about us?" per opportunity, as typed ('' when left empty). */
  howHeard: Map<OpportunityRow, string>;
}
