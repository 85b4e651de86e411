// The pipeline's events: names and payload schemas, shared by the Inngest functions (inngest/events.ts
// wraps them with eventType) and the in-process runner. Payloads carry ids only, never health values.
import { z } from 'zod';

const userPayload = z.object({ userId: z.uuid() });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM');

export const EVENTS = {
  samplesSynced: { name: 'health/samples.synced', schema: userPayload },
  aggregatesUpdated: { name: 'health/aggregates.updated', schema: userPayload },
  sweepRequested: { name: 'pipeline/sweep.requested', schema: z.object({}) },
  retentionRequested: { name: 'pipeline/retention.requested', schema: z.object({}) },
  partitionsRequested: { name: 'pipeline/partitions.requested', schema: z.object({}) },
  integrityRequested: { name: 'pipeline/integrity.requested', schema: z.object({}) },
  archiveRequested: { name: 'pipeline/archive.requested', schema: z.object({ userId: z.uuid().optional(), month: month.optional() }) },
  restoreRequested: { name: 'pipeline/restore.requested', schema: z.object({ userId: z.uuid(), month }) },
  digestRequested: { name: 'notifications/digest.requested', schema: z.object({}) },
  importRequested: { name: 'imports/import.requested', schema: z.object({ userId: z.uuid(), importId: z.uuid() }) },
  mailRequested: { name: 'mail/delivery.requested', schema: z.object({}) },
  pushRequested: { name: 'notifications/push.requested', schema: z.object({}) },
  // An emergency episode opened (the escalation workflow starts) and was acknowledged (it stops).
  emergencyOpened: { name: 'emergency/opened', schema: z.object({ patientId: z.uuid(), emergencyEventId: z.uuid() }) },
  emergencyAcknowledged: { name: 'emergency/acknowledged', schema: z.object({ patientId: z.uuid(), emergencyEventId: z.uuid() }) },
} as const;

export type EventKey = keyof typeof EVENTS;
export type EventData<K extends EventKey> = z.infer<(typeof EVENTS)[K]['schema']>;
export type PipelineEvent = { [K in EventKey]: { key: K; data: EventData<K> } }[EventKey];
