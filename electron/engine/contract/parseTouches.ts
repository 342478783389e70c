// Reads `touches:` (revenue.md): which source holds the marketing touches, and which of its fields say who, when, which channel.
import type { TouchesSpec } from '../../../shared/revenueContractTypes';
import type { ContractReader, Entry } from './ContractReader';
import { readFieldName, readSourceName } from './readReferences';
import type { RevenueContext } from './RevenueContext';
import { TOUCHES_KEYS } from '../../../shared/CONTRACT_KEYS';

const REQUIRED_TOUCHES_KEYS = ['source', 'key', 'date', 'channel'] as const;

export function parseTouches(reader: ContractReader, entry: Entry | undefined, context: RevenueContext): TouchesSpec | undefined {
  if (!entry) return undefined;
  const touches: TouchesSpec = { source: '', key: '', date: '', channel: '', line: entry.line };
  const map = reader.readFixedMap(entry.value, entry.key, entry.line, TOUCHES_KEYS, REQUIRED_TOUCHES_KEYS);
  if (!map) return touches;
  const { name, source } = readSourceName(reader, map.get('source'), context.sources);
  touches.source = name;
  touches.key = readFieldName(reader, map.get('key'), source);
  touches.date = readFieldName(reader, map.get('date'), source);
  touches.channel = readFieldName(reader, map.get('channel'), source);
  const campaignEntry = map.get('campaign');
  if (campaignEntry) touches.campaign = readFieldName(reader, campaignEntry, source);
  const channelsEntry = map.get('marketing_channels');
  const channels = reader.readTextList(channelsEntry);
  if (channelsEntry && channels?.length === 0) {
    reader.report(channelsEntry.line, channelsEntry.key, 'needs at least one channel; leave the key out when every channel is marketing');
  } else if (channels) touches.marketingChannels = channels;
  return touches;
}
