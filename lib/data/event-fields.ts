// A health event's payload (mood note, symptom, medication, note text: JSON) is encrypted with the
// patient's data key, bound to the event row. The id is chosen here, before the insert, so the
// ciphertext can name its row.
import { randomUUID } from 'node:crypto';
import type { HealthEventKind } from '../generated/prisma/enums';
import { decryptField, encryptField } from '../crypto/fields';

const ref = (eventId: string) => ({ table: 'health_events', column: 'payload', rowId: eventId });

export async function decryptEventPayload(userId: string, eventId: string, ciphertext: string): Promise<Record<string, unknown>> {
  return JSON.parse(await decryptField(userId, ref(eventId), ciphertext)) as Record<string, unknown>;
}

/** The data of a new health_events row, payload encrypted. */
export async function newEventRow(e: {
  userId: string; kind: HealthEventKind; occurredAt: Date; payload: Record<string, unknown>; recordedById: string; supersedesId?: string;
}) {
  const id = randomUUID();
  return { ...e, id, payload: await encryptField(e.userId, ref(id), JSON.stringify(e.payload)) };
}
