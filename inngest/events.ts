// Typed Inngest events, built from the pipeline's event schemas (lib/jobs/events.ts).
import { eventType } from 'inngest';
import { EVENTS, type EventKey } from '@/lib/jobs/events';

function typed<K extends EventKey>(key: K) {
  return eventType(EVENTS[key].name, { schema: EVENTS[key].schema });
}

export const eventTypes = {
  samplesSynced: typed('samplesSynced'),
  aggregatesUpdated: typed('aggregatesUpdated'),
  sweepRequested: typed('sweepRequested'),
  retentionRequested: typed('retentionRequested'),
  partitionsRequested: typed('partitionsRequested'),
  integrityRequested: typed('integrityRequested'),
  archiveRequested: typed('archiveRequested'),
  restoreRequested: typed('restoreRequested'),
  digestRequested: typed('digestRequested'),
  importRequested: typed('importRequested'),
  mailRequested: typed('mailRequested'),
  pushRequested: typed('pushRequested'),
  emergencyOpened: typed('emergencyOpened'),
  emergencyAcknowledged: typed('emergencyAcknowledged'),
} as const;
