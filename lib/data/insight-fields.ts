// An insight's stored texts (title, body) are encrypted with the patient's data key, bound to the
// insight row. Nothing shows them: every reader gets texts built from `data` for them at read time
// (lib/format/insight-text). They still hold the patient's version, in the patient's units, because the
// columns are NOT NULL and an instance of the previous release (during a rolling deploy) reads them.
// (`data`, the rule's numbers, stays JSON: triage and the texts read it.)
import { encryptField } from '../crypto/fields';

const ref = (insightId: string, column: 'title' | 'body') => ({ table: 'insights', column, rowId: insightId });

export async function encryptInsightTexts(userId: string, insightId: string, texts: { title: string; body: string }) {
  const [title, body] = await Promise.all([encryptField(userId, ref(insightId, 'title'), texts.title), encryptField(userId, ref(insightId, 'body'), texts.body)]);
  return { title, body };
}
