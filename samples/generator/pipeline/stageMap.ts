// HubSpot's internal deal stage ids and the Salesforce stage names they stand for: the contract's compare map.

/** HubSpot stage id -> Salesforce stage name, as `compare.stage.map` writes it. */
export const STAGE_MAP: Record<string, string> = {
  appointmentscheduled: 'Qualification',
  qualifiedtobuy: 'Needs Analysis',
  presentationscheduled: 'Proposal/Price Quote',
  decisionmakerboughtin: 'Id. Decision Makers',
  contractsent: 'Negotiation/Review',
  closedwon: 'Closed Won',
  closedlost: 'Closed Lost',
};

/** Salesforce stage name -> the HubSpot stage id of a deal in step with it. */
export const HUBSPOT_STAGE_OF: Record<string, string> = Object.fromEntries(Object.entries(STAGE_MAP).map(([id, name]) => [name, id]));
