// Medications and their doses (issue 19) as documented in the OpenAPI description. The request bodies are
// the routes' own zod schemas (lib/data/medications.ts, lib/data/medication-doses.ts); the answers mirror
// MedicationAnswer, MedicationVersionAnswer, DoseLogAnswer, PlannedDose and MedicationAdherenceAnswer, and
// the doses query the one lib/http/medication-handlers.ts parses.
import { z } from 'zod';
import { doseInput } from '../data/medication-doses';
import { medicationInput, medicationPatch } from '../data/medications';
import { day } from '../http/dates';
import { ADHERENCE_WINDOWS } from '../pipeline/medication-adherence-stats';
import { DEFAULT_GRACE_MINUTES, INTERVAL_HOURS, WEEKDAYS } from '../pipeline/medication-schedule';
import { daySchema, instantSchema, nullableInstant, uuidSchema } from './common';

const SCHEDULE_TEXT =
  `When doses are planned, in the patient’s time zone: fixed local times every day (\`daily\`), every N hours from a first time (\`interval\`, \`everyHours\` one of ${INTERVAL_HOURS.join(', ')}), fixed times on some weekdays (\`weekdays\`), or never (\`asNeeded\`).`;

export const medicationRequest = medicationInput.meta({
  id: 'MedicationRequest',
  description:
    'A new medication. `startedOn` defaults to the patient’s today; the schedule must plan a dose between `startedOn` and `endedOn`. `critical` (alerts on missed doses) is set by a prescribing doctor only; from a patient it is a 422. ' +
    SCHEDULE_TEXT,
  example: { name: 'Metformin', strength: '500 mg', form: 'tablet', dose: '1 tablet', route: 'oral', schedule: { kind: 'daily', times: ['08:00', '20:00'] } },
});

export const medicationPatchRequest = medicationPatch.meta({
  id: 'MedicationPatch',
  description:
    'A change, kept as a new version: any field of MedicationRequest (null clears an optional one), or `"stopped": true` (the record stays and no dose is planned after it; a stopped medication cannot change again). A patient changes only what they added themselves but may stop any of their medications.',
  example: { dose: '2 tablets' },
});

export const doseLogRequest = doseInput.meta({
  id: 'DoseLogRequest',
  description: `A dose taken (\`takenAt\`, default now; not in the future) or skipped (with an optional reason, no \`takenAt\`). Without \`scheduledFor\` a log attaches to the nearest planned dose within ${DEFAULT_GRACE_MINUTES} minutes of \`takenAt\`, else it is an extra dose; skipping needs a planned dose. \`scheduledFor\` names a planned dose exactly (ISO-8601 instant), from ${DEFAULT_GRACE_MINUTES} minutes before it; an as-needed medication has none.`,
  example: { status: 'taken', takenAt: '2026-11-21T08:10:00Z' },
});

/** GET …/doses: the handler's query (lib/http/medication-handlers.ts), unknown parameters refused. */
export const dosesQuery = z.object({ from: day.optional(), to: day.optional() }).strict();

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).meta({ description: 'A local time HH:MM.' });
const times = z.array(clockTime).min(1).max(24).meta({ description: 'Local times, ascending, each once.' });

const schedule = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('daily'),
      times: z.array(clockTime).max(24).meta({ description: 'Local times, ascending, each once; empty only for a prescription imported without clock times (no dose is planned until they are set).' }),
    }),
    z.object({ kind: z.literal('interval'), everyHours: z.literal([...INTERVAL_HOURS]), from: clockTime }),
    z.object({ kind: z.literal('weekdays'), days: z.array(z.enum(WEEKDAYS)).min(1).max(7), times }),
    z.object({ kind: z.literal('asNeeded') }),
  ])
  .meta({ id: 'MedicationSchedule', description: `${SCHEDULE_TEXT} A stored schedule this version cannot read is shown as \`asNeeded\`.` });

const code = z
  .object({ system: z.enum(['RXNORM', 'ATC']), code: z.string() })
  .nullable()
  .meta({ description: 'An RxNorm CUI or an ATC code.' });

// The fields every version keeps (lib/data/medications.ts, Snapshot).
const snapshotFields = {
  name: z.string(),
  code,
  strength: z.string().nullable(),
  form: z.string().nullable(),
  dose: z.string().meta({ description: 'The dose as written (empty for an imported prescription that gave none).' }),
  route: z.string().nullable(),
  schedule,
  startedOn: daySchema,
  endedOn: daySchema.nullable().meta({ description: 'The last local day doses are planned on; null: open-ended.' }),
  instructions: z.string().nullable(),
  critical: z.boolean().meta({ description: 'Set by the prescribing doctor: a missed dose alerts the care team.' }),
  stoppedAt: nullableInstant,
};

export const medication = z
  .object({
    id: uuidSchema,
    ...snapshotFields,
    prescriberId: uuidSchema.nullable().meta({ description: 'The prescribing doctor; null for one the patient added (or imported).' }),
    version: z.int().min(1),
    status: z.enum(['active', 'upcoming', 'ended', 'stopped']).meta({ description: 'As of the patient’s today.' }),
    nextDoses: z.array(instantSchema).max(3).meta({ description: 'The next planned doses: at most 3, within 8 days.' }),
  })
  .meta({ id: 'Medication', description: 'The current version of a medication.' });

export const medicationList = z
  .object({ medications: z.array(medication) })
  .meta({ id: 'MedicationList', description: 'Active and upcoming first, then ended and stopped; each by start, newest first.' });

const snapshot = z.object(snapshotFields).meta({ id: 'MedicationSnapshot', description: 'A medication as one version left it (added, prescribed, imported, changed or stopped).' });

export const medicationVersions = z
  .object({
    versions: z.array(
      z.object({
        version: z.int().min(1),
        change: z.enum(['CREATED', 'UPDATED', 'STOPPED']),
        changedAt: instantSchema,
        changedById: uuidSchema.nullable(),
        medication: snapshot,
      }),
    ),
  })
  .meta({ id: 'MedicationVersions', description: 'Every version, oldest first, each whole.' });

export const doseLog = z
  .object({
    id: uuidSchema,
    medicationId: uuidSchema,
    scheduledFor: nullableInstant.meta({ description: 'The planned dose it belongs to; null for an extra dose.' }),
    status: z.enum(['taken', 'late', 'skipped', 'missed']).meta({ description: `late: taken more than ${DEFAULT_GRACE_MINUTES} minutes from its planned time; missed: its window passed with no log.` }),
    takenAt: nullableInstant,
    reason: z.string().nullable(),
    recordedById: uuidSchema.meta({ description: 'Who logged it: the patient, or a caregiver with log permission (the patient for a dose written as missed).' }),
    recordedByName: z.string().nullable().meta({ description: 'Their display name; null for a dose written as missed (nobody logged it) or a person without a name.' }),
  })
  .meta({ id: 'DoseLog' });

export const medicationDoses = z
  .object({
    from: daySchema,
    to: daySchema,
    planned: z.array(
      z.object({
        scheduledFor: instantSchema,
        status: z.enum(['taken', 'late', 'skipped', 'missed', 'due', 'upcoming']).meta({ description: `The log’s status; without a log: due within ${DEFAULT_GRACE_MINUTES} minutes of it, upcoming before, missed after.` }),
        log: doseLog.nullable(),
      }),
    ),
    extra: z.array(doseLog).meta({ description: 'Doses taken outside any planned dose (all of an as-needed medication’s).' }),
  })
  .meta({ id: 'MedicationDoses', description: 'The planned doses of the patient’s local days from..to (both included), ascending, with their logs; and the extra doses taken.' });

const count = z.int().min(0);
const adherenceWindow = z
  .object({
    days: z.literal([...ADHERENCE_WINDOWS]),
    planned: count,
    taken: count.meta({ description: 'On time or late.' }),
    late: count,
    skipped: count,
    missed: count,
    percent: z.number().min(0).max(100).nullable().meta({ description: 'taken / planned, rounded down to 0.1; null with no planned dose.' }),
  })
  .meta({ id: 'AdherenceWindow', description: 'Planned doses whose time fell in the last `days` days and that have a log (a dose still due counts neither way).' });

const adherenceFields = {
  windows: z.array(adherenceWindow).length(ADHERENCE_WINDOWS.length).meta({ description: 'The last 7, 14 and 30 days.' }),
  currentStreak: count.meta({ description: 'Planned doses taken in a row up to the latest logged one.' }),
  longestStreak: count.meta({ description: 'The longest such run in the last 30 days.' }),
};

export const medicationAdherence = z
  .object({
    ...adherenceFields,
    medications: z
      .array(z.object({ id: uuidSchema, name: z.string(), ...adherenceFields }))
      .meta({ description: 'Per medication with a planned dose in the last 30 days, by name.' }),
  })
  .meta({ id: 'MedicationAdherence', description: 'Adherence to planned doses (extra and as-needed doses are not counted), overall and per medication.' });
