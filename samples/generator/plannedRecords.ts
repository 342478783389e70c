// One row of each export as a story plans it, before the rows are shuffled and given ids.
import type { Expectation } from './expectations';

interface Planned {
  story: string;
  /** Records of one person share a group; their order in the file is the order they were planted in. */
  group: number;
  expect: Expectation;
}

export interface HubspotRecord extends Planned {
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  lifecycleStage: string;
  leadStatus: string;
  originalSource: string;
  createdAt: number;
  mqlAt: number | null;
  /** The MQL date cell as an import typed it when it holds no date at all ('TBD'); mqlAt is then null. */
  mqlText?: string;
}

export interface SalesforceRecord extends Planned {
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  leadSource: string;
  leadStatus: string;
  createdAt: number | null;
  owner: string;
}

export type Placed<T> = T & { id: string };
