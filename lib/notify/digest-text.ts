// The words of a daily digest (pure): for a doctor, their patients by triage group with what changed since
// the last digest (alerts: how many, of which kinds, whether acknowledged; new readings or none), the quiet
// ones counted; for a caregiver, each person they care for. Names and links only, never a health value:
// the text may leave the app for a person who opted in to values in messages. Nothing changed → null.
import type { EmergencyKind } from '../generated/prisma/enums';
import { EMERGENCY_LABELS, TRIAGE_GROUPS, type TriageGroup } from '../data/triage-classify';

/** The alerts (emergency episodes) of one patient opened in the digest's window, as they stand now. */
export type DigestAlerts = { count: number; kinds: EmergencyKind[]; acknowledged: number; open: number };

export type DigestPerson = {
  patientId: string;
  name: string;
  newReadings: boolean;
  /** null: none in the window, or not this reader's to know (a doctor's `NONE`, a caregiver without alerts). */
  alerts: DigestAlerts | null;
};
export type DoctorDigestPatient = DigestPerson & { group: TriageGroup };

export type DigestText = { title: string; body: string };

type Common = {
  /** The local day the digest is for (YYYY-MM-DD). */
  day: string;
  /** How far back it looks, in words: "since your last summary", "in the last 24 hours". */
  since: string;
  appUrl: string;
};

const hasNews = (p: DigestPerson) => p.newReadings || (p.alerts?.count ?? 0) > 0;

function dayTitle(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(date);
}

/** "2 alerts since your last summary: very low glucose ×2, 1 acknowledged and 1 not, 1 still open". */
export function alertsPhrase(a: DigestAlerts, since: string): string {
  const counts = new Map<EmergencyKind, number>();
  for (const kind of a.kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const kinds = [...counts].map(([kind, n]) => `${EMERGENCY_LABELS[kind].toLowerCase()}${n > 1 ? ` ×${n}` : ''}`).join(' and ');
  const one = a.count === 1;
  const acknowledged = one
    ? (a.acknowledged === 1 ? 'acknowledged' : 'not acknowledged')
    : a.acknowledged === a.count ? 'all acknowledged' : a.acknowledged === 0 ? 'none acknowledged' : `${a.acknowledged} acknowledged and ${a.count - a.acknowledged} not`;
  const open = a.open === 0 ? '' : one ? ', still open' : `, ${a.open} still open`;
  return `${a.count} ${one ? 'alert' : 'alerts'} ${since}: ${kinds}, ${acknowledged}${open}`;
}

function notes(p: DigestPerson, since: string): string {
  const parts = p.alerts && p.alerts.count > 0 ? [alertsPhrase(p.alerts, since)] : [];
  parts.push(p.newReadings ? 'new readings' : 'no new readings');
  return parts.join('; ');
}

// Alerts first (most, then unacknowledged), then new readings, then by name: what a shortened list keeps.
const byNews = (a: DigestPerson, b: DigestPerson) =>
  (b.alerts?.count ?? 0) - (a.alerts?.count ?? 0) ||
  (b.alerts ? b.alerts.count - b.alerts.acknowledged : 0) - (a.alerts ? a.alerts.count - a.alerts.acknowledged : 0) ||
  Number(b.newReadings) - Number(a.newReadings) ||
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

/** A message's body is at most this long (the e-mail of a person who opted in to values carries it). */
export const MAX_BODY = 4000;
// Ever shorter forms of a long digest (a large panel): without the links to each patient, then at most
// this many names per line ("and 12 more"); the first that fits is sent.
const SHORTER: { links: boolean; names: number }[] = [
  { links: true, names: Infinity }, { links: false, names: Infinity }, { links: false, names: 10 }, { links: false, names: 3 }, { links: false, names: 1 },
];

/** "12 more (2 with alerts)": a shortened list never hides that there were alerts. */
function more(hidden: DigestPerson[]): string {
  const alerted = hidden.filter((p) => (p.alerts?.count ?? 0) > 0).length;
  return `${hidden.length} more${alerted > 0 ? ` (${alerted} with alerts)` : ''}`;
}

function names(people: DigestPerson[], most: number, since: string): string {
  const shown = people.slice(0, most).map((p) => `${p.name} (${notes(p, since)})`).join(', ');
  return people.length > most ? `${shown} and ${more(people.slice(most))}` : shown;
}

function links(people: DigestPerson[], url: (id: string) => string): string[] {
  return people.length === 0 ? [] : ['', 'Open in Pulse:', ...people.map((p) => `${p.name}: ${url(p.patientId)}`)];
}

function firstThatFits(render: (form: (typeof SHORTER)[number]) => string[]): string {
  const forms = SHORTER.map((form) => render(form).join('\n'));
  return forms.find((body) => body.length <= MAX_BODY) ?? forms.at(-1)!.slice(0, MAX_BODY);
}

/**
 * The doctor's digest: every triage group that has patients, in triage order, each patient with what changed;
 * patients meeting targets with nothing new are only counted ("Quiet"). Sent only when something changed.
 */
export function doctorDigestText(args: Common & { patients: DoctorDigestPatient[] }): DigestText | null {
  if (!args.patients.some(hasNews)) return null;
  const quiet = args.patients.filter((p) => p.group === 'on-target' && !hasNews(p));
  const groups = TRIAGE_GROUPS.map((g) => ({ label: g.label, members: args.patients.filter((p) => p.group === g.id && !quiet.includes(p)).sort(byNews) }))
    .filter((g) => g.members.length > 0);
  const body = firstThatFits((form) => [
    ...groups.map((g) => `${g.label}: ${names(g.members, form.names, args.since)}.`),
    ...(quiet.length > 0 ? [`Quiet: ${quiet.length} ${quiet.length === 1 ? 'patient' : 'patients'} meeting targets, with no new readings or alerts.`] : []),
    ...(form.links ? links(groups.flatMap((g) => g.members), (id) => `${args.appUrl}/doctor/patients/${id}`) : ['']),
    `All your patients: ${args.appUrl}/doctor`,
  ]);
  return { title: `Your daily summary for ${dayTitle(args.day)}`, body };
}

/** A caregiver's digest: each person they care for and what happened. Sent only when something did. */
export function caregiverDigestText(args: Common & { people: DigestPerson[] }): DigestText | null {
  if (!args.people.some(hasNews)) return null;
  const people = [...args.people].sort(byNews);
  const body = firstThatFits((form) => [
    ...people.slice(0, form.names).map((p) => `${p.name}: ${notes(p, args.since)}.`),
    ...(people.length > form.names ? [`And ${more(people.slice(form.names))}.`] : []),
    ...(form.links ? links(people, (id) => `${args.appUrl}/caregiver/patients/${id}`) : ['']),
    `Everyone you care for: ${args.appUrl}/caregiver`,
  ]);
  return { title: `Your daily summary for ${dayTitle(args.day)}`, body };
}
