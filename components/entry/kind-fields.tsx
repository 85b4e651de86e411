'use client';

// The fields of one entry kind. Field names are the API's, so server errors land on the right field.
import { useTranslations } from 'use-intl';
import type { EntryKind } from '@/lib/data/entries';
import { InputField, ScaleField, SelectField, TextAreaField } from './fields';
import type { FieldErrors } from './entry-body';
import { MANUAL_INSULIN_KINDS, MEAL_CONTEXTS, MOOD_KEYS, SEVERITY_KEYS, TEXT_MAX } from './entry-options';

type Props = { kind: EntryKind; units: { glucose: 'mg/dL' | 'mmol/L'; weight: 'kg' | 'lb' }; errors: FieldErrors };

const NUMBER = { type: 'text', inputMode: 'decimal', autoComplete: 'off' } as const;
// Unit symbols are the same in every language.
const GLUCOSE_UNITS = ['mg/dL', 'mmol/L'] as const;
const WEIGHT_UNITS = ['kg', 'lb'] as const;

function When({ errors, label }: { errors: FieldErrors; label?: string }) {
  const t = useTranslations('entry');
  return <InputField name="at" type="datetime-local" label={label ?? t('fields.when')} hint={t('fields.whenHint')} error={errors.at} />;
}

export function KindFields({ kind, units, errors }: Props) {
  const t = useTranslations('entry');
  const moods = MOOD_KEYS.map((k) => t(`moods.${k}`));
  const severities = SEVERITY_KEYS.map((k) => t(`severities.${k}`));
  switch (kind) {
    case 'glucose':
      return (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField name="value" label={t('kinds.glucose')} {...NUMBER} required error={errors.value} />
            <SelectField name="unit" label={t('fields.unit')} defaultValue={units.glucose} error={errors.unit}>
              {GLUCOSE_UNITS.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </SelectField>
          </div>
          <SelectField name="mealContext" label={t('fields.mealContext')} defaultValue="" required error={errors.mealContext}>
            <option value="" disabled>
              {t('fields.chooseWhen')}
            </option>
            {MEAL_CONTEXTS.map((m) => (
              <option key={m} value={m}>
                {t(`mealContexts.${m}`)}
              </option>
            ))}
          </SelectField>
          <When errors={errors} />
        </>
      );
    case 'blood_pressure':
      return (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField name="systolic" label={t('fields.systolic')} {...NUMBER} inputMode="numeric" required error={errors.systolic} />
            <InputField name="diastolic" label={t('fields.diastolic')} {...NUMBER} inputMode="numeric" required error={errors.diastolic} />
          </div>
          <When errors={errors} />
        </>
      );
    case 'weight':
      return (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField name="value" label={t('kinds.weight')} {...NUMBER} required error={errors.value} />
            <SelectField name="unit" label={t('fields.unit')} defaultValue={units.weight} error={errors.unit}>
              {WEIGHT_UNITS.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </SelectField>
          </div>
          <When errors={errors} />
        </>
      );
    case 'insulin':
      return (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField name="value" label={t('fields.insulin')} {...NUMBER} required error={errors.value} />
            <SelectField name="insulinKind" label={t('fields.doseKind')} defaultValue="" required error={errors.insulinKind}>
              <option value="" disabled>
                {t('fields.chooseKind')}
              </option>
              {MANUAL_INSULIN_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`insulinKinds.${k}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <When errors={errors} label={t('fields.givenAt')} />
        </>
      );
    case 'carbs':
      return (
        <>
          <InputField name="value" label={t('fields.carbs')} {...NUMBER} required error={errors.value} />
          <When errors={errors} label={t('fields.eatenAt')} />
        </>
      );
    case 'mood':
      return (
        <>
          <ScaleField name="score" label={t('fields.howFeel')} labels={moods} error={errors.score} />
          <TextAreaField name="note" label={t('fields.noteOptional')} maxLength={TEXT_MAX.note} error={errors.note} />
          <When errors={errors} />
        </>
      );
    case 'symptom':
      return (
        <>
          <InputField name="name" label={t('kinds.symptom')} placeholder={t('fields.symptomExample')} maxLength={TEXT_MAX.name} required error={errors.name} />
          <ScaleField name="severity" label={t('fields.howSevere')} labels={severities} error={errors.severity} />
          <TextAreaField name="note" label={t('fields.noteOptional')} maxLength={TEXT_MAX.note} error={errors.note} />
          <When errors={errors} />
        </>
      );
    case 'medication':
      return (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField name="name" label={t('fields.medication')} placeholder={t('fields.medicationExample')} maxLength={TEXT_MAX.name} required error={errors.name} />
            <InputField name="dose" label={t('fields.doseOptional')} placeholder={t('fields.doseExample')} maxLength={TEXT_MAX.dose} error={errors.dose} />
          </div>
          <When errors={errors} label={t('fields.takenAt')} />
        </>
      );
    case 'note':
      return (
        <>
          <TextAreaField name="text" label={t('kinds.note')} rows={4} maxLength={TEXT_MAX.text} required error={errors.text} />
          <When errors={errors} />
        </>
      );
  }
}
