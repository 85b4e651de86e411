// A queued message's address and template data: encrypted with the data key of the account the message
// concerns (AAD owner|mail_messages|<column>|<message id>), so a deleted (shredded) account's queued mail
// becomes unreadable with the rest of its data. The address also gets the e-mail blind index.
import { emailIndex, normalizeEmail } from '../crypto/blind-index';
import { decryptField, decryptOrNull, encryptField } from '../crypto/fields';

const ref = (messageId: string, column: 'recipient_ciphertext' | 'data_ciphertext') => ({ table: 'mail_messages', column, rowId: messageId });

export async function encryptMailFields(userId: string, messageId: string, to: string, data: unknown) {
  const address = normalizeEmail(to);
  const [recipientCiphertext, dataCiphertext] = await Promise.all([
    encryptField(userId, ref(messageId, 'recipient_ciphertext'), address),
    encryptField(userId, ref(messageId, 'data_ciphertext'), JSON.stringify(data)),
  ]);
  return { recipientIndex: emailIndex(address), recipientCiphertext, dataCiphertext };
}

type Stored = { id: string; userId: string; recipientCiphertext: string; dataCiphertext: string };

/** The address and data to send; throws when they cannot be decrypted (the account's keys are gone). */
export async function decryptMailFields(m: Stored): Promise<{ to: string; data: unknown }> {
  const [to, data] = await Promise.all([
    decryptField(m.userId, ref(m.id, 'recipient_ciphertext'), m.recipientCiphertext),
    decryptField(m.userId, ref(m.id, 'data_ciphertext'), m.dataCiphertext),
  ]);
  return { to, data: JSON.parse(data) as unknown };
}

/** For the admin's list: null when undecryptable. */
export const readableRecipient = (m: Omit<Stored, 'dataCiphertext'>) => decryptOrNull(m.userId, ref(m.id, 'recipient_ciphertext'), m.recipientCiphertext);
