// What each part of the record shows and asks for (conditions, allergies, emergency contacts): the form
// fields (sent as the API names them; empty optional fields are left out, or cleared when editing) and the
// one-line summary of an item. Shared by the record view's forms and lists.
import type { AllergyAnswer } from '@/lib/data/allergies';
import type { ConditionAnswer } from '@/lib/data/conditions';
import type { ContactAnswer } from '@/lib/data/emergency-contacts';

export type FieldSpec = {
  name: string; label: string; kind: 'text' | 'select' | 'date' | 'number' | 'tel';
  options?: readonly { value: string; label: string }[]; required?: boolean; maxLength?: number; hint?: string;
};
export type RecordItem = ConditionAnswer | AllergyAnswer | ContactAnswer;
export type SectionKind = 'conditions' | 'allergies' | 'emergency-contacts';

const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v.charAt(0) + v.slice(1).toLowerCase().replace(/_/g, ' ') }));
export const none = { value: '', label: '—' };

export const SECTIONS: Record<SectionKind, { title: string; listKey: string; noun: string; empty: string; fields: FieldSpec[] }> = {
  conditions: {
    title: 'Conditions', listKey: 'conditions', noun: 'condition', empty: 'No conditions recorded.',
    fields: [
      { name: 'display', label: 'Condition', kind: 'text', required: true, maxLength: 200 },
      { name: 'codeSystem', label: 'Code system', kind: 'select', options: [none, { value: 'ICD10', label: 'ICD-10' }, { value: 'SNOMED', label: 'SNOMED CT' }] },
      { name: 'code', label: 'Code', kind: 'text', maxLength: 20, hint: 'e.g. E11.9' },
      { name: 'onsetDate', label: 'Onset', kind: 'date' },
      { name: 'clinicalStatus', label: 'Status', kind: 'select', options: opts(['ACTIVE', 'RECURRENCE', 'RELAPSE', 'REMISSION', 'INACTIVE', 'RESOLVED']) },
      { name: 'note', label: 'Note', kind: 'text', maxLength: 2000 },
    ],
  },
  allergies: {
    title: 'Allergies', listKey: 'allergies', noun: 'allergy', empty: 'No allergies recorded.',
    fields: [
      { name: 'substance', label: 'Substance', kind: 'text', required: true, maxLength: 200 },
      { name: 'reaction', label: 'Reaction', kind: 'text', maxLength: 500, hint: 'e.g. hives' },
      { name: 'severity', label: 'Severity', kind: 'select', options: [none, ...opts(['MILD', 'MODERATE', 'SEVERE'])] },
      { name: 'criticality', label: 'Criticality', kind: 'select', options: [none, ...opts(['LOW', 'HIGH', 'UNABLE_TO_ASSESS'])] },
      { name: 'codeSystem', label: 'Code system', kind: 'select', options: [none, { value: 'RXNORM', label: 'RxNorm' }, { value: 'SNOMED', label: 'SNOMED CT' }] },
      { name: 'code', label: 'Code', kind: 'text', maxLength: 20 },
      { name: 'clinicalStatus', label: 'Status', kind: 'select', options: opts(['ACTIVE', 'INACTIVE', 'RESOLVED']) },
    ],
  },
  'emergency-contacts': {
    title: 'Emergency contacts', listKey: 'emergencyContacts', noun: 'contact', empty: 'No emergency contact recorded.',
    fields: [
      { name: 'name', label: 'Name', kind: 'text', required: true, maxLength: 120 },
      { name: 'relation', label: 'Relation', kind: 'text', required: true, maxLength: 60, hint: 'e.g. mother' },
      { name: 'phone', label: 'Phone', kind: 'tel', required: true, maxLength: 30, hint: '+44 20 7946 0000' },
      { name: 'priority', label: 'Call order', kind: 'number' },
    ],
  },
};

/** The form's values as the API takes them: creating leaves empty fields out, editing clears them (null). */
export function bodyOf(fields: FieldSpec[], values: Record<string, string>, editing: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const v = (values[f.name] ?? '').trim();
    if (v === '') {
      if (editing && !f.required && f.kind !== 'number' && f.name !== 'clinicalStatus') body[f.name] = null;
      continue;
    }
    body[f.name] = f.kind === 'number' ? Number(v) : v;
  }
  return body;
}

export function valuesOf(fields: FieldSpec[], item: RecordItem | null): Record<string, string> {
  const record = (item ?? {}) as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f.name, record[f.name] === null || record[f.name] === undefined ? '' : String(record[f.name])]));
}

const word = (v: string | null) => (v ? v.charAt(0) + v.slice(1).toLowerCase().replace(/_/g, ' ') : null);

/** One line about an item (its details after the name). */
export function detailsOf(kind: SectionKind, item: RecordItem): string {
  if (kind === 'conditions') {
    const c = item as ConditionAnswer;
    return [c.code ? `${c.codeSystem === 'ICD10' ? 'ICD-10' : 'SNOMED'} ${c.code}` : null, c.onsetDate ? `since ${c.onsetDate}` : null, word(c.clinicalStatus), c.note].filter(Boolean).join(' · ');
  }
  if (kind === 'allergies') {
    const a = item as AllergyAnswer;
    return [a.reaction, a.severity ? `${word(a.severity)} reaction` : null, a.criticality ? `criticality ${word(a.criticality)?.toLowerCase()}` : null, a.clinicalStatus !== 'ACTIVE' ? word(a.clinicalStatus) : null].filter(Boolean).join(' · ');
  }
  const c = item as ContactAnswer;
  return `${c.relation} · ${c.phone}`;
}

export const titleOf = (kind: SectionKind, item: RecordItem) =>
  kind === 'conditions' ? (item as ConditionAnswer).display : kind === 'allergies' ? (item as AllergyAnswer).substance : (item as ContactAnswer).name;
