// Sentences that say who was told about an emergency. They state what happened, counted from the
// notifications written for it (lib/data/emergency-views.ts), never what we hope happened: a patient
// without a care team must not read that their care team was told. In the reader's language (English
// when not given); client-safe.
import { DEFAULT_LOCALE, intlLocale, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';

export type EmergencyNotified = { doctors: number; caregivers: number; digestDoctors: number };
export type AlertRecipients = { doctors: number; caregivers: number };

type T = ReturnType<typeof translator<'emergencies'>>;

/** "a", "a and b", "a, b and c" (British English: no comma before "and"; the Indian languages as CLDR joins them). */
const both = (parts: string[], locale: Locale) => new Intl.ListFormat(locale === 'en' ? 'en-GB' : intlLocale(locale), { type: 'conjunction' }).format(parts);

/** "one doctor", "2 caregivers": the roles told, those with nobody left out. */
function roles(t: T, n: AlertRecipients): string[] {
  return [n.doctors > 0 && t('told.doctors', { count: n.doctors }), n.caregivers > 0 && t('told.caregivers', { count: n.caregivers })].filter((s): s is string => typeof s === 'string');
}

/** For the patient, under an open alert. */
export function toldPatient(n: EmergencyNotified, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale, 'emergencies');
  const told = roles(t, n);
  const sentences: string[] = [];
  if (told.length) sentences.push(capital(t('told.patientNotified', { who: both(told, locale), count: n.doctors + n.caregivers })));
  if (n.digestDoctors) sentences.push(capital(t('told.patientDigest', { doctors: t('told.doctors', { count: n.digestDoctors }) })));
  if (!told.length && !n.digestDoctors) sentences.push(t('told.patientNobody'));
  return sentences.join(' ');
}

/** For the patient, when no alert is open: who would be told. */
export function alertAudience(r: AlertRecipients, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale, 'emergencies');
  const who = roles(t, r);
  return who.length ? t('told.audience', { who: both(who, locale), count: r.doctors + r.caregivers }) : t('told.audienceNobody');
}

/** For a doctor or caregiver looking at the patient's emergency. */
export function toldCarer(n: EmergencyNotified, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale, 'emergencies');
  const told = roles(t, n);
  const notified = told.length ? t('told.carerNotified', { who: both([t('told.thePatient'), ...told], locale) }) : t('told.carerPatientOnly');
  return n.digestDoctors ? `${notified} ${capital(t('told.carerDigest', { doctors: t('told.doctors', { count: n.digestDoctors }) }))}` : notified;
}

/** After escalating: escalation notifies every linked doctor at once. */
export function escalatedTo(n: EmergencyNotified, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale, 'emergencies');
  return n.doctors ? t('told.escalated', { count: n.doctors }) : t('told.escalatedNoDoctor');
}

/** The first letter upper-case where the script has cases (Indian scripts have none: unchanged). */
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
