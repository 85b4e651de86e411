// The words of a daily digest (pure): for a doctor, their patients by triage group with what changed since
// the last digest (alerts: how many, of which kinds, whether acknowledged; new readings or none), the quiet
// ones counted; for a caregiver, each person they care for. Names and links only, never a health value:
// the text may leave the app for a person who opted in to values in messages. Nothing changed → null.
// Written in the reader's language (the `notify.digest` messages; group and alert names are their own
// translations of lib/data/triage-classify.ts's labels), English when none is given.
import type { EmergencyKind } from '../generated/prisma/enums';
import { TRIAGE_GROUPS, type TriageGroup } from '../data/triage-classify';
import { DEFAULT_LOCALE, intlLocale, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';

type DigestT = ReturnType<typeof translator<'notify'>>;

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

/**
 * How far back a digest looks, as lib/data/digests.ts names it (its English words are the keys of the
 * translations): the first digest's 24 hours, the longest window of 7 days, or since the last digest.
 */
export type DigestSince = keyof typeof SINCE;
const SINCE = { 'in the last 24 hours': 'day', 'in the last 7 days': 'week', 'since your last summary': 'last' } as const;

type Common = {
  /** The local day the digest is for (YYYY-MM-DD). */
  day: string;
  since: DigestSince;
  appUrl: string;
  /** The reader's language (default English). */
  locale?: Locale;
};

/** What every phrase of one digest needs: the reader's `t`, Intl tag and the window's words. */
type Words = { t: DigestT; intl: string; since: string };
const wordsOf = (locale: Locale, since: DigestSince): Words => {
  const t = translator(locale, 'notify');
  return { t, intl: intlLocale(locale), since: t(`digest.since.${SINCE[since]}`) };
};

const hasNews = (p: DigestPerson) => p.newReadings || (p.alerts?.count ?? 0) > 0;

function dayTitle(day: string, w: Words): string {
  const date = new Date(`${day}T12:00:00Z`);
  // English as before ("Tuesday 10 February"), the others as CLDR writes them for India.
  const tag = w.intl === 'en' ? 'en-GB' : w.intl;
  return new Intl.DateTimeFormat(tag, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(date);
}

/** A count in the reader's digits (the plural messages' `#` is formatted the same way). */
const number = (n: number, w: Words) => new Intl.NumberFormat(w.intl).format(n);

/** "2 alerts since your last summary: very low glucose ×2, 1 acknowledged and 1 not, 1 still open". */
export function alertsPhrase(a: DigestAlerts, since: DigestSince, locale: Locale = DEFAULT_LOCALE): string {
  return alertsIn(a, wordsOf(locale, since));
}

function alertsIn(a: DigestAlerts, w: Words): string {
  const { t } = w;
  const counts = new Map<EmergencyKind, number>();
  for (const kind of a.kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  // "×2" is the same in every script; the list's "and" is the language's own (Intl.ListFormat).
  const kinds = new Intl.ListFormat(w.intl, { type: 'conjunction' }).format([...counts].map(([kind, n]) => `${t(`digest.kinds.${kind}`)}${n > 1 ? ` ×${number(n, w)}` : ''}`));
  const one = a.count === 1;
  const acknowledged = one
    ? t(a.acknowledged === 1 ? 'digest.acknowledged' : 'digest.notAcknowledged')
    : a.acknowledged === a.count ? t('digest.allAcknowledged') : a.acknowledged === 0 ? t('digest.noneAcknowledged')
    : t('digest.someAcknowledged', { acknowledged: number(a.acknowledged, w), notAcknowledged: number(a.count - a.acknowledged, w) });
  const state = a.open === 0 ? acknowledged : one ? t('digest.stillOpen', { state: acknowledged }) : t('digest.someStillOpen', { state: acknowledged, open: number(a.open, w) });
  return t('digest.alerts', { count: a.count, since: w.since, kinds, state });
}

function notes(p: DigestPerson, w: Words): string {
  const parts = p.alerts && p.alerts.count > 0 ? [alertsIn(p.alerts, w)] : [];
  parts.push(w.t(p.newReadings ? 'digest.newReadings' : 'digest.noNewReadings'));
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
function more(hidden: DigestPerson[], w: Words): string {
  const alerted = hidden.filter((p) => (p.alerts?.count ?? 0) > 0).length;
  return alerted > 0 ? w.t('digest.moreWithAlerts', { count: number(hidden.length, w), alerted: number(alerted, w) }) : w.t('digest.more', { count: number(hidden.length, w) });
}

function names(people: DigestPerson[], most: number, w: Words): string {
  const shown = people.slice(0, most).map((p) => `${p.name} (${notes(p, w)})`).join(', ');
  return people.length > most ? w.t('digest.namesAndMore', { names: shown, more: more(people.slice(most), w) }) : shown;
}

function links(people: DigestPerson[], url: (id: string) => string, w: Words): string[] {
  return people.length === 0 ? [] : ['', w.t('digest.openIn'), ...people.map((p) => `${p.name}: ${url(p.patientId)}`)];
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
  const w = wordsOf(args.locale ?? DEFAULT_LOCALE, args.since);
  const quiet = args.patients.filter((p) => p.group === 'on-target' && !hasNews(p));
  const groups = TRIAGE_GROUPS.map((g) => ({ label: w.t(`digest.groups.${g.id}`), members: args.patients.filter((p) => p.group === g.id && !quiet.includes(p)).sort(byNews) }))
    .filter((g) => g.members.length > 0);
  const body = firstThatFits((form) => [
    ...groups.map((g) => w.t('digest.groupLine', { group: g.label, names: names(g.members, form.names, w) })),
    ...(quiet.length > 0 ? [w.t('digest.quiet', { count: quiet.length })] : []),
    ...(form.links ? links(groups.flatMap((g) => g.members), (id) => `${args.appUrl}/doctor/patients/${id}`, w) : ['']),
    w.t('digest.allPatients', { url: `${args.appUrl}/doctor` }),
  ]);
  return { title: w.t('digest.title', { date: dayTitle(args.day, w) }), body };
}

/** A caregiver's digest: each person they care for and what happened. Sent only when something did. */
export function caregiverDigestText(args: Common & { people: DigestPerson[] }): DigestText | null {
  if (!args.people.some(hasNews)) return null;
  const w = wordsOf(args.locale ?? DEFAULT_LOCALE, args.since);
  const people = [...args.people].sort(byNews);
  const body = firstThatFits((form) => [
    ...people.slice(0, form.names).map((p) => w.t('digest.personLine', { name: p.name, notes: notes(p, w) })),
    ...(people.length > form.names ? [w.t('digest.andMore', { more: more(people.slice(form.names), w) })] : []),
    ...(form.links ? links(people, (id) => `${args.appUrl}/caregiver/patients/${id}`, w) : ['']),
    w.t('digest.everyone', { url: `${args.appUrl}/caregiver` }),
  ]);
  return { title: w.t('digest.title', { date: dayTitle(args.day, w) }), body };
}
