// Every encrypted column, for the jobs that walk them (re-encryption under a new data key version, the
// canary test). `id` is the row id (the job's cursor), `owner` the column naming the user whose key
// encrypts it, `rowId` the SQL of the row identity bound into the additional data when it is not `id`.
// Adding an encrypted column means adding it here.
import { DOCUMENT_ROW_ID_SQL } from '../data/nightscout-documents';
import { SAMPLE_ROW_ID_SQL } from '../data/sample-fields';

export type EncryptedColumn = { table: string; column: string; id: string; owner: string; rowId?: string };

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'users', column: 'email_ciphertext', id: 'id', owner: 'id' },
  { table: 'users', column: 'pending_email_ciphertext', id: 'id', owner: 'id' },
  { table: 'profiles', column: 'display_name', id: 'user_id', owner: 'user_id' },
  { table: 'profiles', column: 'date_of_birth', id: 'user_id', owner: 'user_id' },
  { table: 'devices', column: 'name', id: 'id', owner: 'user_id' },
  { table: 'health_events', column: 'payload', id: 'id', owner: 'user_id' },
  { table: 'insights', column: 'title', id: 'id', owner: 'user_id' },
  { table: 'insights', column: 'body', id: 'id', owner: 'user_id' },
  { table: 'notifications', column: 'title', id: 'id', owner: 'coalesce(patient_id, recipient_id)' },
  { table: 'notifications', column: 'body', id: 'id', owner: 'coalesce(patient_id, recipient_id)' },
  { table: 'health_samples', column: 'metadata', id: 'id', owner: 'user_id', rowId: SAMPLE_ROW_ID_SQL },
  { table: 'share_tokens', column: 'recipient_email', id: 'id', owner: 'patient_id' },
  { table: 'mail_messages', column: 'recipient_ciphertext', id: 'id', owner: 'user_id' },
  { table: 'mail_messages', column: 'data_ciphertext', id: 'id', owner: 'user_id' },
  { table: 'care_invitations', column: 'invitee_email_ciphertext', id: 'id', owner: 'inviter_id' },
  { table: 'user_two_factor', column: 'secret_ciphertext', id: 'user_id', owner: 'user_id' },
  // A Nightscout token's owner is its site's (a device of the patient).
  { table: 'nightscout_tokens', column: 'name', id: 'id', owner: '(SELECT d.user_id FROM devices d WHERE d.id = nightscout_tokens.site_id)' },
  { table: 'nightscout_documents', column: 'doc', id: `(${DOCUMENT_ROW_ID_SQL})`, owner: 'user_id' },
  // Web Push (issue 17): a browser's push service address and the keys its messages are encrypted to.
  { table: 'push_subscriptions', column: 'endpoint', id: 'id', owner: 'user_id' },
  { table: 'push_subscriptions', column: 'p256dh', id: 'id', owner: 'user_id' },
  { table: 'push_subscriptions', column: 'auth', id: 'id', owner: 'user_id' },
  // Lab results (issue 18): the note a patient or doctor wrote with a result.
  { table: 'lab_results', column: 'note', id: 'id', owner: 'user_id' },
  // Meals (issue 18): the description (the photo's bytes are encrypted in the object store, lib/data/meal-photo-fields.ts).
  { table: 'meals', column: 'description', id: 'id', owner: 'user_id' },
  // Medications (issue 19): a medication's instructions, every version's snapshot, a dose log's reason.
  { table: 'medications', column: 'instructions', id: 'id', owner: 'user_id' },
  { table: 'medication_versions', column: 'snapshot', id: 'id', owner: '(SELECT m.user_id FROM medications m WHERE m.id = medication_versions.medication_id)' },
  { table: 'medication_logs', column: 'reason', id: 'id', owner: 'user_id' },
  // The rest of the record (issue 19): conditions, allergies, emergency contacts.
  { table: 'conditions', column: 'display', id: 'id', owner: 'user_id' },
  { table: 'conditions', column: 'note', id: 'id', owner: 'user_id' },
  { table: 'allergies', column: 'substance', id: 'id', owner: 'user_id' },
  { table: 'allergies', column: 'reaction', id: 'id', owner: 'user_id' },
  { table: 'emergency_contacts', column: 'name', id: 'id', owner: 'user_id' },
  { table: 'emergency_contacts', column: 'phone', id: 'id', owner: 'user_id' },
  // Corrections (issue 19): the state a hand-made entry had before each correction or retraction.
  { table: 'entry_revisions', column: 'snapshot', id: 'id', owner: 'user_id' },
];
