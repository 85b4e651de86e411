// What each part of the record shows and asks for (conditions, allergies, emergency contacts): the form
// fields (sent as the API names them; empty optional fields are left out, or cleared when editing) and the
// one-line summary of an item. Shared by the record view's forms and lists.
import type { AllergyAnswer } from '@/lib/data/allergies';
import type { ConditionAnswer } from '@/lib/data/conditions';
import type { ContactAnswer } from '@/lib/data/emergency-contacts';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { formatDay } from '@/components/patient/trends/periods';

// Labels, hints and the titles of the parts are messages (`record.*`): a field's label is
// `record.fields.<name>`, an enum value's `record.values.<VALUE>`; code systems keep their own names.
export type FieldName = 'display' | 'codeSystem' | 'code' | 'onsetDate' | 'clinicalStatus' | 'note' | 'substance' | 'reaction' | 'severity' | 'criticality' | 'name' | 'relation' | 'phone' | 'priority';
export type EnumValue = 'ACTIVE' | 'RECURRENCE' | 'RELAPSE' | 'REMISSION' | 'INACTIVE' | 'RESOLVED' | 'MILD' | 'MODERATE' | 'SEVERE' | 'LOW' | 'HIGH' | 'UNABLE_TO_ASSESS';
export type FieldOption = { value: '' } | { value: EnumValue } | { value: string; name: string };
export type FieldSpec = {
  name: FieldName; kind: 'text' | 'select' | 'date' | 'number' | 'tel';
  options?: readonly FieldOption[]; required?: boolean; maxLength?: number; hint?: 'codeExample' | 'reactionExample' | 'relationExample' | 'phoneExample';
};
export type RecordItem = ConditionAnswer | AllergyAnswer | ContactAnswer;
export type SectionKind = 'conditions' | 'allergies' | 'emergency-contacts';

const opts = (values: readonly EnumValue[]) => values.map((value) => ({ value }));
export const none = { value: '' } as const;

export const SECTIONS: Record<SectionKind, { listKey: 'conditions' | 'allergies' | 'emergencyContacts'; fields: FieldSpec[] }> = {
  conditions: {
    listKey: 'conditions',
    fields: [
      { name: 'display', kind: 'text', required: true, maxLength: 200 },
      { name: 'codeSystem', kind: 'select', options: [none, { value: 'ICD10', name: 'ICD-10' }, { value: 'SNOMED', name: 'SNOMED CT' }] },
      { name: 'code', kind: 'text', maxLength: 20, hint: 'codeExample' },
      { name: 'onsetDate', kind: 'date' },
      { name: 'clinicalStatus', kind: 'select', options: opts(['ACTIVE', 'RECURRENCE', 'RELAPSE', 'REMISSION', 'INACTIVE', 'RESOLVED']) },
      { name: 'note', kind: 'text', maxLength: 2000 },
    ],
  },
  allergies: {
    listKey: 'allergies',
    fields: [
      { name: 'substance', kind: 'text', required: true, maxLength: 200 },
      { name: 'reaction', kind: 'text', maxLength: 500, hint: 'reactionExample' },
      { name: 'severity', kind: 'select', options: [none, ...opts(['MILD', 'MODERATE', 'SEVERE'])] },
      { name: 'criticality', kind: 'select', options: [none, ...opts(['LOW', 'HIGH', 'UNABLE_TO_ASSESS'])] },
      { name: 'codeSystem', kind: 'select', options: [none, { value: 'RXNORM', name: 'RxNorm' }, { value: 'SNOMED', name: 'SNOMED CT' }] },
      { name: 'code', kind: 'text', maxLength: 20 },
      { name: 'clinicalStatus', kind: 'select', options: opts(['ACTIVE', 'INACTIVE', 'RESOLVED']) },
    ],
  },
  'emergency-contacts': {
    listKey: 'emergencyContacts',
    fields: [
      { name: 'name', kind: 'text', required: true, maxLength: 120 },
      { name: 'relation', kind: 'text', required: true, maxLength: 60, hint: 'relationExample' },
      { name: 'phone', kind: 'tel', required: true, maxLength: 30, hint: 'phoneExample' },
      { name: 'priority', kind: 'number' },
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

/** One line about an item (its details after the name), in the reader's language. */
export function detailsOf(kind: SectionKind, item: RecordItem, locale: Locale = 'en'): string {
  const t = translator(locale, 'record');
  const value = (v: string | null) => (v ? t(`values.${v as EnumValue}`) : null);
  if (kind === 'conditions') {
    const c = item as ConditionAnswer;
    return [c.code ? `${c.codeSystem === 'ICD10' ? 'ICD-10' : 'SNOMED'} ${c.code}` : null, c.onsetDate ? t('details.since', { date: formatDay(c.onsetDate, 'year', locale) }) : null, value(c.clinicalStatus), c.note].filter(Boolean).join(' · ');
  }
  if (kind === 'allergies') {
    const a = item as AllergyAnswer;
    return [
      a.reaction,
      a.severity ? t('details.reaction', { severity: a.severity }) : null,
      a.criticality ? t('details.criticality', { level: a.criticality }) : null,
      a.clinicalStatus !== 'ACTIVE' ? value(a.clinicalStatus) : null,
    ].filter(Boolean).join(' · ');
  }
  const c = item as ContactAnswer;
  return `${c.relation} · ${c.phone}`;
}

export const titleOf = (kind: SectionKind, item: RecordItem) =>
  kind === 'conditions' ? (item as ConditionAnswer).display : kind === 'allergies' ? (item as AllergyAnswer).substance : (item as ContactAnswer).name;
