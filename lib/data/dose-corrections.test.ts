// Integration (real PostgreSQL): a dose log is corrected like any hand-made entry (issue 19). Its author or
// the patient changes it (taken late judged again, skipped with a reason) or retracts it; the earlier states
// stay in the history; a planned dose whose log is retracted after its window is missed again, so the
// adherence shows it; a dose the schedule wrote missed is no one's entry. The timeline shows the dose logs
// (with who logged them and their correction handle) and the current questionnaire scores.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { dueInstant } from '@/lib/pipeline/medication-schedule';
import { zoneClock } from '@/lib/time';
import { createUser, linkCare, setDisplayName } from '@/test/factories';
import { caregiverCorrector, correctEntry, entryHistory, patientCorrector, resolveEntryId, retractEntry } from './corrections';
import { logDose, markMissedDoses, medicationAdherenceOf } from './medication-doses';
import { createMedication } from './medications';
import { correctResponse, createResponse } from './questionnaires';
import { decodeTimelineCursor, findTimeline } from './timeline';

const ZONE = 'Asia/Kolkata';
const DAY = '2026-11-10'; // in the past whenever this runs
const at = (time: string, day = DAY) => dueInstant(zoneClock(ZONE), day, time);
const iso = (ms: number) => new Date(ms).toISOString();
const LATER = at('12:00', '2026-11-11'); // "now" for the sweep and the adherence: both of DAY's doses are past

let patient: { id: string };
let caregiver: { id: string };
let otherCaregiver: { id: string };
let medicationId: string;
const scope = () => ({ patientId: patient.id, timeZone: ZONE, types: 'ALL' as const });
const target = (recordedById: string) => ({ patientId: patient.id, timeZone: ZONE, recordedById });

async function status(logId: string) {
  return (await prisma.medicationLog.findUnique({ where: { id: logId } }))?.status ?? null;
}

beforeAll(async () => {
  [patient, caregiver, otherCaregiver] = await Promise.all([createUser({ timeZone: ZONE }), createUser({ role: 'CAREGIVER' }), createUser({ role: 'CAREGIVER' })]);
  await setDisplayName(caregiver.id, 'Ravi Rao');
  for (const c of [caregiver, otherCaregiver]) {
    await linkCare({ patientId: patient.id, carerId: c.id, kind: 'CAREGIVER' });
    await prisma.careRelationship.updateMany({ where: { patientId: patient.id, carerId: c.id }, data: { canLogData: true } });
  }
  const created = await createMedication(
    { patientId: patient.id, timeZone: ZONE, actorId: patient.id, asDoctor: false },
    { name: 'Metformin', dose: '500 mg', schedule: { kind: 'daily', times: ['08:00', '20:00'] }, startedOn: '2026-11-01' },
    at('07:00', '2026-11-01'),
  );
  medicationId = created.id;
  await prisma.medication.update({ where: { id: medicationId }, data: { createdAt: new Date(at('07:00', '2026-11-01')), plannedUntil: new Date(at('07:00', '2026-11-09')) } });
});

describe('correcting a dose log', () => {
  let morning: string; // the patient's log of 08:00
  let evening: string; // the caregiver's log of 20:00

  it('changes when it was taken (late judged again) and whether it was taken, keeping each earlier state', async () => {
    morning = (await logDose(target(patient.id), medicationId, { status: 'taken', takenAt: iso(at('08:10')) }, at('08:10'))).id;
    evening = (await logDose(target(caregiver.id), medicationId, { status: 'taken', takenAt: iso(at('20:05')) }, at('20:05'))).id;
    expect(await status(morning)).toBe('TAKEN');

    const me = patientCorrector(target(patient.id));
    const ref = await resolveEntryId(patient.id, `dose:${morning}`);
    const late = await correctEntry(me, ref, { at: iso(at('09:30')) });
    expect(late).toMatchObject({ kind: 'dose', status: 'late', at: iso(at('09:30')), scheduledFor: iso(at('08:00')), medication: 'Metformin' });
    const skipped = await correctEntry(me, ref, { status: 'skipped', reason: 'Felt sick' });
    expect(skipped).toMatchObject({ status: 'skipped', at: iso(at('08:00')), reason: 'Felt sick' });
    expect(await prisma.medicationLog.findUnique({ where: { id: morning } })).toMatchObject({ status: 'SKIPPED', takenAt: null });

    const history = await entryHistory(me, ref);
    expect(history.map((r) => [r.action, r.entry?.status])).toEqual([['CREATED', 'taken'], ['CORRECTED', 'late'], ['CORRECTED', 'skipped']]);
  });

  it('refuses what cannot be, naming the field, and changes nothing', async () => {
    const me = patientCorrector(target(patient.id));
    const ref = { kind: 'dose' as const, id: morning };
    await expect(correctEntry(me, ref, { at: iso(at('08:30')) })).rejects.toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'at' }] });
    await expect(correctEntry(me, ref, { status: 'taken', at: iso(Date.now() + 3_600_000) })).rejects.toThrow(/future/);
    await expect(correctEntry(me, ref, { dose: '2 tablets' })).rejects.toThrow();
    expect(await status(morning)).toBe('SKIPPED');
    const extra = await logDose(target(patient.id), medicationId, { status: 'taken', takenAt: iso(at('14:00')) }, at('14:00'));
    expect(extra.scheduledFor).toBeNull();
    await expect(correctEntry(me, { kind: 'dose', id: extra.id }, { status: 'skipped' })).rejects.toMatchObject({ details: [{ field: 'status' }] });
  });

  it('a caregiver corrects only the doses they logged', async () => {
    const ref = { kind: 'dose' as const, id: evening };
    await expect(correctEntry(caregiverCorrector(target(otherCaregiver.id)), ref, { reason: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(correctEntry(caregiverCorrector(target(caregiver.id)), { kind: 'dose', id: morning }, { reason: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await correctEntry(caregiverCorrector(target(caregiver.id)), ref, { at: iso(at('20:20')) })).toMatchObject({ status: 'taken' });
  });

  it('retracting a planned dose after its window leaves it missed, and the adherence shows it', async () => {
    const before = await medicationAdherenceOf(scope(), LATER);
    const dayWindow = (a: typeof before) => a.windows.find((w) => w.days === 7)!;
    expect(dayWindow(before)).toMatchObject({ taken: 1, skipped: 1 });
    await retractEntry(patientCorrector(target(patient.id)), { kind: 'dose', id: evening });
    expect(await prisma.medicationLog.findUnique({ where: { id: evening } })).toBeNull();
    const missed = await prisma.medicationLog.findMany({ where: { medicationId, scheduledAt: new Date(at('20:00')) } });
    expect(missed.map((m) => m.status)).toEqual(['MISSED']);
    await markMissedDoses(LATER, patient.id); // the sweep writes nothing twice
    expect(await prisma.medicationLog.count({ where: { medicationId, scheduledAt: new Date(at('20:00')) } })).toBe(1);
    const after = await medicationAdherenceOf(scope(), LATER);
    expect(dayWindow(after).taken).toBe(dayWindow(before).taken - 1);
    expect(dayWindow(after).missed).toBe(dayWindow(before).missed + 1);
    // The history keeps what was logged; the missed dose is no one's entry.
    const history = await entryHistory(patientCorrector(target(patient.id)), { kind: 'dose', id: evening });
    expect(history.map((r) => r.action)).toEqual(['CREATED', 'CORRECTED', 'RETRACTED']);
    await expect(resolveEntryId(patient.id, `dose:${missed[0]!.id}`).then((ref) => correctEntry(patientCorrector(target(patient.id)), ref, { status: 'taken' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the timeline', () => {
  it('shows dose logs (who logged them, a handle to correct the ones a person logged) and the current questionnaire score', async () => {
    await logDose(target(caregiver.id), medicationId, { status: 'taken', takenAt: iso(at('08:05', '2026-11-11')) }, at('08:05', '2026-11-11'));
    const first = await createResponse(scope(), patient.id, { questionnaire: 'phq4', answers: [1, 1, 0, 0], answeredAt: iso(at('10:00', '2026-11-11')) }, LATER);
    await correctResponse(patient.id, patient.id, first.id, { answers: [2, 2, 1, 1] }, LATER);

    const { items } = await findTimeline(scope(), { limit: 50 });
    const doses = items.filter((i) => i.kind === 'dose');
    const byTime = (h: string, day = DAY) => doses.find((d) => d.at === iso(at(h, day)));
    expect(byTime('08:05', '2026-11-11')).toMatchObject({ status: 'taken', medication: 'Metformin', dose: '500 mg', recordedBy: { name: 'Ravi Rao', self: false }, entry: { corrected: false } });
    expect(byTime('08:00')).toMatchObject({ status: 'skipped', reason: 'Felt sick', entry: { id: expect.stringMatching(/^dose:/), corrected: true } });
    const missed = byTime('20:00');
    expect(missed).toMatchObject({ status: 'missed', recordedBy: null });
    expect(missed?.entry).toBeUndefined();

    const questionnaires = items.filter((i) => i.kind === 'questionnaire');
    expect(questionnaires).toHaveLength(1);
    expect(questionnaires[0]).toMatchObject({ questionnaire: 'phq4', score: 6, maxScore: 12, corrected: true });

    // A share limited to glucose sees neither.
    const shared = await findTimeline({ ...scope(), types: ['BLOOD_GLUCOSE'] }, { limit: 50 });
    expect(shared.items.filter((i) => i.kind === 'dose' || i.kind === 'questionnaire')).toEqual([]);
  });

  it('pages through the doses without losing or repeating one', async () => {
    const seen: string[] = [];
    let before: string | null | undefined;
    do {
      const page = await findTimeline(scope(), { limit: 2, before: before ? decodeTimelineCursor(before)! : undefined });
      seen.push(...page.items.map((i) => `${i.kind}:${i.id}`));
      before = page.nextBefore;
    } while (before);
    const all = (await findTimeline(scope(), { limit: 100 })).items.map((i) => `${i.kind}:${i.id}`);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
