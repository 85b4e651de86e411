// Sentences that say who was told about an emergency. They state what happened, counted from the
// notifications written for it (lib/data/emergency-views.ts), never what we hope happened: a patient
// without a care team must not read that their care team was told.

export type EmergencyNotified = { doctors: number; caregivers: number; digestDoctors: number };
export type AlertRecipients = { doctors: number; caregivers: number };

const count = (n: number, one: string, many: string) => `${n === 1 ? 'one' : n} ${n === 1 ? one : many}`;
/** "a", "a and b", "a, b and c" */
const both = (parts: string[]) => (parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`);

/** For the patient, under an open alert. */
export function toldPatient(n: EmergencyNotified): string {
  const told = [n.doctors && count(n.doctors, 'doctor', 'doctors'), n.caregivers && count(n.caregivers, 'caregiver', 'caregivers')].filter(Boolean) as string[];
  const sentences: string[] = [];
  if (told.length) sentences.push(`${capital(both(told))} of your care team ${n.doctors + n.caregivers === 1 ? 'was' : 'were'} notified.`);
  if (n.digestDoctors) sentences.push(`${capital(count(n.digestDoctors, 'doctor', 'doctors'))} will get it in their daily summary, not at once.`);
  if (!told.length && !n.digestDoctors) sentences.push('No one in your care team receives alerts yet, so no one else was told: add a doctor, or let a caregiver receive alerts, under Care team.');
  return sentences.join(' ');
}

/** For the patient, when no alert is open: who would be told. */
export function alertAudience(r: AlertRecipients): string {
  const who = [r.doctors && count(r.doctors, 'doctor', 'doctors'), r.caregivers && count(r.caregivers, 'caregiver', 'caregivers')].filter(Boolean) as string[];
  return who.length
    ? `You are alerted here when a reading is far outside the safe range, and so ${r.doctors + r.caregivers === 1 ? `is the ${who[0]}` : `are the ${both(who)}`} who ${r.doctors + r.caregivers === 1 ? 'receives' : 'receive'} your alerts.`
    : 'You are alerted here when a reading is far outside the safe range. No one in your care team receives alerts yet: add a doctor, or let a caregiver receive alerts, under Care team.';
}

/** For a doctor or caregiver looking at the patient's emergency. */
export function toldCarer(n: EmergencyNotified): string {
  const told = [n.doctors && count(n.doctors, 'doctor', 'doctors'), n.caregivers && count(n.caregivers, 'caregiver', 'caregivers')].filter(Boolean) as string[];
  const digest = n.digestDoctors ? ` ${capital(count(n.digestDoctors, 'doctor', 'doctors'))} will get it in a daily digest.` : '';
  return told.length ? `Notified: ${both(['the patient', ...told])}.${digest}` : `Notified: the patient only.${digest}`;
}

/** After escalating: escalation notifies every linked doctor at once. */
export function escalatedTo(n: EmergencyNotified): string {
  return n.doctors
    ? `Emergency escalated: ${count(n.doctors, 'doctor was', 'doctors were')} notified at once.`
    : 'Emergency escalated, but no doctor is linked to this patient, so no doctor could be notified.';
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
