// A notification's title and body (they carry insight texts and emergency readings) are encrypted with
// the key of the patient they are about (the recipient's own when about no patient), bound to the row.
import { randomUUID } from 'node:crypto';
import { decryptField, encryptField } from '../crypto/fields';

const ref = (id: string, column: 'title' | 'body') => ({ table: 'notifications', column, rowId: id });

/** A new row's id and its encrypted texts; `ownerId` = patientId ?? recipientId. */
export async function newNotificationTexts(ownerId: string, message: { title: string; body: string }) {
  const id = randomUUID();
  const [title, body] = await Promise.all([encryptField(ownerId, ref(id, 'title'), message.title), encryptField(ownerId, ref(id, 'body'), message.body)]);
  return { id, title, body };
}

/** The row with title and body decrypted. */
export async function withNotificationTexts<T extends { id: string; patientId: string | null; title: string; body: string }>(recipientId: string, n: T): Promise<T> {
  const owner = n.patientId ?? recipientId;
  const [title, body] = await Promise.all([decryptField(owner, ref(n.id, 'title'), n.title), decryptField(owner, ref(n.id, 'body'), n.body)]);
  return { ...n, title, body };
}
