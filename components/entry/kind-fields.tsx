'use client';

// The fields of one entry kind. Field names are the API's, so server errors land on the right field.
import type { EntryKind } from '@/lib/data/entries';
import { InputField, ScaleField, SelectField, TextAreaField } from './fields';
import type { FieldErrors } from './entry-body';
import { INSULIN_KIND_LABELS, MANUAL_INSULIN_KINDS, MEAL_CONTEXT_LABELS, MEAL_CONTEXTS, MOOD_LABELS, SEVERITY_LABELS, TEXT_MAX } from './entry-options';

type Props = { kind: EntryKind; units: { glucose: 'mg/dL' | 'mmol/L'; weight: 'kg' | 'lb' }; errors: FieldErrors };

const NUMBER = { type: 'text', inputMode: 'decimal', autoComplete: 'off' } as const;

function When({ errors, label = 'When' }: { errors: FieldErrors; label?: string }) {
  return <InputField name="at" type="datetime-local" label={label} hint="Leave empty for right now (your device's clock)." error={errors.at} />;
}

export function KindFields({ kind, units, errors }: Props) {
  switch (kind) {
    case 'glucose':
      return (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField name="value" label="Blood glucose" {...NUMBER} required error={errors.value} />
            <SelectField name="unit" label="Unit" defaultValue={units.glucose} error={errors.unit}>
              <option value="mg/dL">mg/dL</option>
              <option value="mmol/L">mmol/L</option>
            </SelectField>
          </div>
          <SelectField name="mealContext" label="Meal context" defaultValue="" required error={errors.mealContext}>
            <option value="" disabled>
              Choose when you measured…
            </option>
            {MEAL_CONTEXTS.map((m) => (
              <option key={m} value={m}>
                {MEAL_CONTEXT_LABELS[m]}
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
            <InputField name="systolic" label="Systolic (upper number, mmHg)" {...NUMBER} inputMode="numeric" required error={errors.systolic} />
            <InputField name="diastolic" label="Diastolic (lower number, mmHg)" {...NUMBER} inputMode="numeric" required error={errors.diastolic} />
          </div>
          <When errors={errors} />
        </>
      );
    case 'weight':
      return (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField name="value" label="Weight" {...NUMBER} required error={errors.value} />
            <SelectField name="unit" label="Unit" defaultValue={units.weight} error={errors.unit}>
              <option value="kg">kg</option>
              <option value="lb">lb</option>
            </SelectField>
          </div>
          <When errors={errors} />
        </>
      );
    case 'insulin':
      return (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField name="value" label="Insulin (units, U)" {...NUMBER} required error={errors.value} />
            <SelectField name="insulinKind" label="Kind of dose" defaultValue="" required error={errors.insulinKind}>
              <option value="" disabled>
                Choose the kind…
              </option>
              {MANUAL_INSULIN_KINDS.map((k) => (
                <option key={k} value={k}>
                  {INSULIN_KIND_LABELS[k]}
                </option>
              ))}
            </SelectField>
          </div>
          <When errors={errors} label="Given at" />
        </>
      );
    case 'carbs':
      return (
        <>
          <InputField name="value" label="Carbohydrates (grams)" {...NUMBER} required error={errors.value} />
          <When errors={errors} label="Eaten at" />
        </>
      );
    case 'mood':
      return (
        <>
          <ScaleField name="score" label="How do you feel?" labels={MOOD_LABELS} error={errors.score} />
          <TextAreaField name="note" label="Note (optional)" maxLength={TEXT_MAX.note} error={errors.note} />
          <When errors={errors} />
        </>
      );
    case 'symptom':
      return (
        <>
          <InputField name="name" label="Symptom" placeholder="e.g. headache" maxLength={TEXT_MAX.name} required error={errors.name} />
          <ScaleField name="severity" label="How severe is it?" labels={SEVERITY_LABELS} error={errors.severity} />
          <TextAreaField name="note" label="Note (optional)" maxLength={TEXT_MAX.note} error={errors.note} />
          <When errors={errors} />
        </>
      );
    case 'medication':
      return (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField name="name" label="Medication" placeholder="e.g. Metformin" maxLength={TEXT_MAX.name} required error={errors.name} />
            <InputField name="dose" label="Dose (optional)" placeholder="e.g. 500 mg" maxLength={TEXT_MAX.dose} error={errors.dose} />
          </div>
          <When errors={errors} label="Taken at" />
        </>
      );
    case 'note':
      return (
        <>
          <TextAreaField name="text" label="Note" rows={4} maxLength={TEXT_MAX.text} required error={errors.text} />
          <When errors={errors} />
        </>
      );
  }
}
