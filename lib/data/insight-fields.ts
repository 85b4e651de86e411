// An insight's texts (title, body: they state the patient's health in words) are encrypted with the
// patient's data key, bound to the insight row. (`data`, the rule's numbers, stays JSON: triage reads it.)
import { decryptField, encryptField } from '../crypto/fields';

const ref = (insightId: string, column: 'title' | 'body') => ({ table: 'insights', column, rowId: insightId });

export async function encryptInsightTexts(userId: string, insightId: string, texts: { title: string; body: string }) {
  const [title, body] = await Promise.all([encryptField(userId, ref(insightId, 'title'), texts.title), encryptField(userId, ref(insightId, 'body'), texts.body)]);
  return { title, body };
}

/** The row with title and body decrypted. */
export async function withInsightTexts<T extends { id: string; title: string; body: string }>(userId: string, insight: T): Promise<T> {
  const [title, body] = await Promise.all([decryptField(userId, ref(insight.id, 'title'), insight.title), decryptField(userId, ref(insight.id, 'body'), insight.body)]);
  return { ...insight, title, body };
}
