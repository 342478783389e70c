// The recent list's "when": relative words from the time an investigation was last opened.
import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from '../../renderer/model/formatRelativeTime';
import { proposeContractPath } from '../../renderer/model/proposeContractPath';

const now = new Date('2026-12-01T14:00:00Z');

describe('formatRelativeTime', () => {
  it('says how long ago, in the largest unit that fits', () => {
    expect(formatRelativeTime('2026-12-01T13:59:30Z', now)).toBe('just now');
    expect(formatRelativeTime('2026-12-01T13:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelativeTime('2026-12-01T12:00:00Z', now)).toBe('2 hours ago');
    expect(formatRelativeTime('2026-11-30T13:00:00Z', now)).toBe('yesterday');
    expect(formatRelativeTime('2026-11-17T14:00:00Z', now)).toBe('2 weeks ago');
    expect(formatRelativeTime('2025-11-01T14:00:00Z', now)).toBe('last year');
    expect(formatRelativeTime('not a time', now)).toBe('at an unknown time');
  });
});

describe('proposeContractPath', () => {
  it('names the contract after the title, in the workspace', () => {
    expect(proposeContractPath('/home/ana/Recon Workbench', 'Olist Q3: MQLs vs won deals')).toBe('/home/ana/Recon Workbench/olist-q3-mqls-vs-won-deals.recon.yaml');
    expect(proposeContractPath('C:\\Users\\ana\\Recon Workbench\\', 'São Paulo leads')).toBe('C:\\Users\\ana\\Recon Workbench\\sao-paulo-leads.recon.yaml');
    expect(proposeContractPath('/w', '  ')).toBe('/w/investigation.recon.yaml');
  });
});
