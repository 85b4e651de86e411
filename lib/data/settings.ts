// A user's own settings: display name, IANA time zone, display units and language. Days, weeks and months are
// counted in the user's zone, so a zone change re-labels every aggregate: the whole history is marked dirty
// in the same transaction as the change, and the pipeline (started by the route) recomputes it.
import { z } from 'zod';
import { prisma } from '../db/client';
import { encryptDisplayName, maybeDisplayName } from './profile-fields';
import { decryptEmail } from './user-email';
import type { DistanceUnit, GlucoseUnit, TemperatureUnit, WeightUnit } from '../generated/prisma/enums';
import type { UnitPreferences } from '../format/health';
import { isValidTimeZone } from '../time';
import { canonicalTimeZone } from '../time/wall-clock';
import { freeText } from '../http/text';
import { isLocale, LOCALES, type Locale } from '../i18n/locales';

export const UNIT_CHOICES = {
  glucose: ['mg/dL', 'mmol/L'],
  weight: ['kg', 'lb'],
  distance: ['km', 'mi'],
  temperature: ['°C', '°F'],
} as const;
type UnitChoices = typeof UNIT_CHOICES;
export type Units = { [K in keyof UnitChoices]: UnitChoices[K][number] };
/** `language` null: never chosen (pages follow the browser; messages outside the app go in English). */
export type Settings = { email: string; displayName: string; timeZone: string; units: Units; language: Locale | null };

const GLUCOSE: Record<GlucoseUnit, Units['glucose']> = { MG_DL: 'mg/dL', MMOL_L: 'mmol/L' };
const WEIGHT: Record<WeightUnit, Units['weight']> = { KG: 'kg', LB: 'lb' };
const DISTANCE: Record<DistanceUnit, Units['distance']> = { KM: 'km', MI: 'mi' };
const TEMPERATURE: Record<TemperatureUnit, Units['temperature']> = { CELSIUS: '°C', FAHRENHEIT: '°F' };
const reverse = <E extends string, U extends string>(map: Record<E, U>) => Object.fromEntries(Object.entries(map).map(([e, u]) => [u, e])) as Record<U, E>;

// Intl's spelling when it only differs in case ('europe/berlin'); an alias Intl maps to an older name
// ('Asia/Kolkata' → 'Asia/Calcutta' on some ICU versions) is kept as the user chose it.
function normalizeTimeZone(zone: string): string {
  const canonical = canonicalTimeZone(zone);
  return canonical.toLowerCase() === zone.toLowerCase() ? canonical : zone;
}

const unitChoice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of: ${values.join(', ')}` });

export const settingsPatchSchema = z
  .object({
    displayName: freeText(100).optional(),
    timeZone: z
      .string()
      .max(64, 'is not a known IANA time zone')
      .refine(isValidTimeZone, 'is not a known IANA time zone')
      .transform(normalizeTimeZone)
      .optional(),
    units: z
      .object({
        glucose: unitChoice(UNIT_CHOICES.glucose).optional(),
        weight: unitChoice(UNIT_CHOICES.weight).optional(),
        distance: unitChoice(UNIT_CHOICES.distance).optional(),
        temperature: unitChoice(UNIT_CHOICES.temperature).optional(),
      })
      .strict()
      .optional(),
    language: z.enum(LOCALES, { error: `must be one of: ${LOCALES.join(', ')}` }).optional(),
  })
  .strict()
  .refine(
    (p) => p.displayName !== undefined || p.timeZone !== undefined || p.units !== undefined || p.language !== undefined,
    'give displayName, timeZone, units or language',
  );
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

export async function findSettings(userId: string): Promise<Settings> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { emailCiphertext: true, profile: { select: { displayName: true, timeZone: true } }, preferences: true },
  });
  const p = user.preferences;
  return {
    email: await decryptEmail(userId, user.emailCiphertext),
    displayName: (await maybeDisplayName(userId, user.profile?.displayName ?? null)) ?? '',
    timeZone: user.profile?.timeZone ?? 'UTC',
    units: {
      glucose: GLUCOSE[p?.glucoseUnit ?? 'MG_DL'],
      weight: WEIGHT[p?.weightUnit ?? 'KG'],
      distance: DISTANCE[p?.distanceUnit ?? 'KM'],
      temperature: TEMPERATURE[p?.temperatureUnit ?? 'CELSIUS'],
    },
    language: isLocale(p?.language) ? p.language : null,
  };
}

/** The units as lib/format/health takes them (pages formatting canonical values). */
export function unitPreferences(units: Units): UnitPreferences {
  return {
    glucoseUnit: reverse(GLUCOSE)[units.glucose],
    weightUnit: reverse(WEIGHT)[units.weight],
    distanceUnit: reverse(DISTANCE)[units.distance],
    temperatureUnit: reverse(TEMPERATURE)[units.temperature],
  };
}

const findEmail = async (userId: string) =>
  decryptEmail(userId, (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { emailCiphertext: true } })).emailCiphertext);

/**
 * Applies the patch. A zone change inserts dirty ranges for every type the user has samples of, in this
 * transaction (a crash cannot leave the zone changed and the history unmarked), spanning the local days
 * in both the old and the new zone, so stale labels of the old zone at either end are recomputed away.
 */
export async function updateSettings(userId: string, patch: SettingsPatch): Promise<{ settings: Settings; historyMarkedDirty: boolean }> {
  // Encrypted before the transaction (creating a first data key must not wait on its locks).
  const displayName = await encryptDisplayName(userId, patch.displayName ?? (await findEmail(userId)));
  const historyMarkedDirty = await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { profile: { select: { timeZone: true } } } });
    const oldZone = user.profile?.timeZone ?? 'UTC';
    if (patch.displayName !== undefined || patch.timeZone !== undefined) {
      await tx.profile.upsert({
        where: { userId },
        create: { userId, displayName, timeZone: patch.timeZone ?? 'UTC' },
        update: { displayName: patch.displayName === undefined ? undefined : displayName, timeZone: patch.timeZone },
      });
    }
    if (patch.units || patch.language) {
      const u = patch.units ?? {};
      const data = {
        glucoseUnit: u.glucose && reverse(GLUCOSE)[u.glucose],
        weightUnit: u.weight && reverse(WEIGHT)[u.weight],
        distanceUnit: u.distance && reverse(DISTANCE)[u.distance],
        temperatureUnit: u.temperature && reverse(TEMPERATURE)[u.temperature],
        language: patch.language,
      };
      await tx.userPreferences.upsert({ where: { userId }, create: { userId, ...data }, update: data });
    }
    if (patch.timeZone === undefined || patch.timeZone === oldZone) return false;
    const marked = await tx.$executeRaw`
      INSERT INTO dirty_ranges (user_id, type, day_from, day_to)
      SELECT ${userId}::uuid, s.type,
             LEAST((min(s.start_at) AT TIME ZONE ${oldZone})::date, (min(s.start_at) AT TIME ZONE ${patch.timeZone})::date),
             GREATEST((max(s.end_at) AT TIME ZONE ${oldZone})::date, (max(s.end_at) AT TIME ZONE ${patch.timeZone})::date)
      FROM health_samples s WHERE s.user_id = ${userId}::uuid GROUP BY s.type`;
    return marked > 0;
  });
  return { settings: await findSettings(userId), historyMarkedDirty };
}
