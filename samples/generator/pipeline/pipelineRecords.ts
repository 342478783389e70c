// The rows of the three pipeline exports as stories plan them, before they are shuffled and given ids.
import type { Expectation } from '../expectations';

/**
 * How an export writes an amount: `12500` (plain), `12,500.00` (grouped), `$12,500.00` (symbol), `USD 12,500.00` or
 * `EUR 1.234,56` (code), `12 500,00 €` (suffix), `(1.200,00)` (parentheses: a negative written as accountants do).
 */
export type AmountStyle = 'plain' | 'grouped' | 'symbol' | 'code' | 'suffix' | 'parentheses';

/** An amount as a story plans it: a value in a currency (integer cents of that currency), or a cell with no amount in it. */
export type Money = { currency: 'USD' | 'EUR'; cents: number; style?: AmountStyle } | { text: string };

/** The two bridges of the pipeline contract, each with the bucket a record must land in. */
export type BridgeName = 'sourced' | 'booked';

interface Planned {
  story: string;
  /** Rows of one deal share a group; their order in a file is the order they were planted in. */
  group: number;
}

/** How a HubSpot deal or an invoice line writes the opportunity id it points at. */
export type IdForm = '18' | '15' | 'padded' | 'case_flipped';

/** A reference to an opportunity (resolved to its id once ids are given), or an id written for nothing, or none. */
export type OpportunityRef = { opportunity: Opportunity; form: IdForm } | { unknown: true } | null;

export interface Opportunity extends Planned {
  expect: Record<BridgeName, Expectation>;
  name: string;
  account: string;
  /** Salesforce stage name (Closed Won...). */
  stage: string;
  type: string;
  leadSource: string;
  amount: Money;
  /** Instant, or null when the migration left it empty. */
  createdAt: number | null;
  /** Calendar date YYYY-MM-DD. */
  closeDate: string;
  owner: string;
  /** Another opportunity whose 15-character id this one's equals but for the case of one letter. */
  caseTwinOf?: Opportunity;
}

export interface Deal extends Planned {
  expect: Expectation;
  name: string;
  /** HubSpot's internal stage id (closedwon, contractsent...). */
  stage: string;
  amount: Money;
  createdAt: number | null;
  /** The Create Date cell when it holds no date ('TBD'); createdAt is then null. */
  createdText?: string;
  closeAt: number;
  originalSource: string;
  ref: OpportunityRef;
}

export interface InvoiceLine extends Planned {
  expect: Expectation;
  invoice: string;
  customer: string;
  lineType: string;
  description: string;
  amount: Money;
  /** Calendar date YYYY-MM-DD, or null when empty. */
  invoiceDate: string | null;
  /** The Invoice Date cell when it holds no date; invoiceDate is then null. */
  invoiceDateText?: string;
  ref: OpportunityRef;
}

export interface PipelinePlan {
  deals: Deal[];
  opportunities: Opportunity[];
  lines: InvoiceLine[];
}

export type WithId<T> = T & { id: string };

export interface PlacedPipeline {
  /** Each in file order. */
  deals: WithId<Deal>[];
  opportunities: WithId<Opportunity>[];
  lines: WithId<InvoiceLine>[];
  /** The 18-character id of every planned opportunity. */
  idOf: Map<Opportunity, string>;
  /** The opportunity id each deal and line writes, as written (may be empty). */
  refText: Map<Deal | InvoiceLine, string>;
}
