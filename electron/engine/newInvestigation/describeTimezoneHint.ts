// Says what an export's layout tells about the time zone its dates were written in, and suggests it where it is sure.
import type { ExportPreset } from '../../../shared/api';

export interface TimezoneHint {
  hint?: string;
  /** A zone the layout guarantees (Data Loader writes UTC); absent where only the user can say. */
  timezone?: string;
}

// What each system's standard export does with times (the person who ran it knows the rest).
const HINTS: Record<ExportPreset, TimezoneHint> = {
  salesforce_report: {
    hint: 'Salesforce reports are written in the time zone of the user who ran the report (their personal settings in Salesforce), not in UTC: which zone is that?',
  },
  salesforce_data_loader: {
    hint: 'Salesforce Data Loader files are written in UTC, with the offset on every time (…Z): the file time zone is UTC.',
    timezone: 'UTC',
  },
  hubspot: { hint: "HubSpot exports write dates and times in the HubSpot account's time zone (Settings › Account defaults): choose that zone." },
  marketo: { hint: "Marketo exports write times in the Marketo subscription's time zone (Admin › Location): choose that zone." },
  // Months and dates without times: no zone to ask about.
  spend_sheet: {},
  marketo_measure: {
    hint: 'Marketo Measure touchpoints exported from a Salesforce report are written in the time zone of the user who ran the report, not in UTC: which zone is that?',
  },
  pardot: { hint: "Pardot (Account Engagement) exports write times in the account's time zone: choose that zone." },
};

export function describeTimezoneHint(preset: ExportPreset | null): TimezoneHint {
  return preset ? HINTS[preset] : {};
}
