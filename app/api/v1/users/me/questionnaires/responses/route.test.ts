// Integration: the questionnaire routes against the real server and PostgreSQL. The patient answers PHQ-4
// and GAD-7 (scored, banded, answers encrypted), bad input is a 422 naming the field with nothing stored,
// corrections and retractions keep the history, a linked doctor and a caregiver with view permission read,
// only the doctor schedules, and what is due follows the schedules; others 404, the wrong role 403,
// anonymous 401.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createSignedInUser, linkCare } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
const own = '/api/v1/users/me/questionnaires/responses';
const of = (id: string) => `/api/v1/patients/${id}/questionnaires`;
// Answers pinned well inside past days (noon UTC), so no test depends on the hour it runs at.
const at = (day: string) => `${day}T12:00:00Z`;

describe('questionnaires', () => {
  let patient: SignedIn;
  let doctor: SignedIn;
  let otherDoctor: SignedIn;
  let caregiver: SignedIn;
  let blindCaregiver: SignedIn;
  let stranger: SignedIn;

  beforeAll(async () => {
    [patient, doctor, otherDoctor, caregiver, blindCaregiver, stranger] = await Promise.all([
      createSignedInUser({ timeZone: 'UTC' }),
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser({ role: 'CAREGIVER' }),
      createSignedInUser({ role: 'CAREGIVER' }),
      createSignedInUser(),
    ]);
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    await linkCare({ patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER' });
    await linkCare({ patientId: patient.id, carerId: blindCaregiver.id, kind: 'CAREGIVER', canView: false });
  });

  it('lists the definitions to any signed-in user, 401 without a session', async () => {
    const res = await api('/api/v1/questionnaires', { cookie: doctor.cookie });
    expect(res.status).toBe(200);
    expect(res.body.questionnaires.map((q: { code: string }) => q.code)).toEqual(['phq4', 'gad7']);
    expect(res.body.questionnaires[1].items).toHaveLength(7);
    expect((await api('/api/v1/questionnaires')).status).toBe(401);
  });

  it('the patient answers PHQ-4 and GAD-7: scored, banded, subscales, the answers encrypted', async () => {
    const phq = await api(own, { json: { questionnaire: 'phq4', answers: [2, 1, 0, 1], answeredAt: at('2026-10-01') }, cookie: patient.cookie });
    expect(phq.status).toBe(201);
    expect(phq.body).toMatchObject({
      questionnaire: 'phq4', score: 4, maxScore: 12, band: 'mild', answeredAt: '2026-10-01T12:00:00.000Z', status: 'current',
      subscales: [{ code: 'anxiety', score: 3, positive: true }, { code: 'depression', score: 1, positive: false }],
      summary: 'Your score suggests mild symptoms of anxiety or depression. This is a screening result, not a diagnosis; consider talking to your care team.',
    });
    const row = await prisma.questionnaireResponse.findUniqueOrThrow({ where: { id: phq.body.id } });
    expect(row.answers).not.toContain('[2,1,0,1]');
    expect(row).toMatchObject({ totalScore: 4, band: 'mild', recordedById: patient.id, definitionVersion: 1 });

    for (const [day, answers] of [['2026-10-02', [1, 1, 1, 1, 1, 0, 0]], ['2026-10-16', [2, 2, 2, 2, 1, 1, 0]]] as const) {
      expect((await api(own, { json: { questionnaire: 'gad7', answers, answeredAt: at(day) }, cookie: patient.cookie })).status).toBe(201);
    }
    const list = await api(`${own}?questionnaire=gad7`, { cookie: patient.cookie });
    expect(list.status).toBe(200);
    expect(list.body.responses.map((r: { score: number; band: string; change: number | null }) => [r.score, r.band, r.change])).toEqual([[10, 'moderate', 5], [5, 'mild', null]]);
    const all = await api(own, { cookie: patient.cookie });
    expect(all.body.responses.map((r: { questionnaire: string }) => r.questionnaire)).toEqual(['gad7', 'gad7', 'phq4']);
    expect(all.body.latest.map((r: { questionnaire: string; score: number }) => [r.questionnaire, r.score])).toEqual([['phq4', 4], ['gad7', 10]]);
  });

  it('refuses bad input with the field named, storing nothing', async () => {
    const before = await prisma.questionnaireResponse.count({ where: { userId: patient.id } });
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ questionnaire: 'phq9', answers: [0, 0, 0, 0] }, 'questionnaire', /must be one of phq4, gad7/],
      [{ questionnaire: 'phq4', answers: [0, 1, 2] }, 'answers.3', /item 4 .* is not answered/],
      [{ questionnaire: 'gad7', answers: [0, 1, 2, 3, 4, 0, 0] }, 'answers.4', /item 5 \("Being so restless that it is hard to sit still"\) must be one of 0, 1, 2, 3/],
      [{ questionnaire: 'gad7', answers: [0, 1, 2, 3, 0, 0, 0, 1] }, 'answers', /8 answers; GAD-7 has 7 items/],
      [{ questionnaire: 'phq4', answers: 'all good' }, 'answers', /list/],
      [{ questionnaire: 'phq4', answers: [0, 0, 0, 0], answeredAt: '2099-01-01T00:00:00Z' }, 'answeredAt', /future/],
      [{ questionnaire: 'phq4', answers: [0, 0, 0, 0], answeredAt: '2026-10-01T12:00:00' }, 'answeredAt', /offset/],
      [{ questionnaire: 'phq4', answers: [0, 0, 0, 0], mood: 'fine' }, '(body)', /mood/],
    ];
    for (const [json, field, reason] of cases) {
      const res = await api(own, { json, cookie: patient.cookie });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.body.error.details, JSON.stringify(json)).toEqual(expect.arrayContaining([expect.objectContaining({ field, reason: expect.stringMatching(reason) })]));
    }
    expect(await prisma.questionnaireResponse.count({ where: { userId: patient.id } })).toBe(before);
  });

  it('a correction supersedes and a retraction stamps: the history keeps every version', async () => {
    const first = await api(own, { json: { questionnaire: 'phq4', answers: [3, 3, 3, 3], answeredAt: at('2026-10-20') }, cookie: patient.cookie });
    const fixed = await api(`${own}/${first.body.id}`, { method: 'PATCH', json: { answers: [1, 0, 0, 1] }, cookie: patient.cookie });
    expect(fixed.status).toBe(201);
    expect(fixed.body).toMatchObject({ supersedesId: first.body.id, score: 2, band: 'normal', answeredAt: '2026-10-20T12:00:00.000Z' });
    // Only the newest version is corrected or retracted.
    expect((await api(`${own}/${first.body.id}`, { method: 'PATCH', json: { answers: [0, 0, 0, 0] }, cookie: patient.cookie })).status).toBe(409);
    expect((await api(`${own}/${first.body.id}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(409);
    const bad = await api(`${own}/${fixed.body.id}`, { method: 'PATCH', json: { answers: [1, 0, 9, 1] }, cookie: patient.cookie });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe('answers.2');
    expect((await api(`${own}/${fixed.body.id}`, { method: 'PATCH', json: { questionnaire: 'gad7', answers: [0, 0, 0, 0, 0, 0, 0] }, cookie: patient.cookie })).status).toBe(422);

    let list = await api(`${own}?questionnaire=phq4`, { cookie: patient.cookie });
    expect(list.body.responses.map((r: { id: string }) => r.id)).toEqual([fixed.body.id, expect.any(String)]);
    expect(list.body.responses[0].change).toBe(-2); // 2 against the PHQ-4 of October 1st (4), not the corrected 12

    const retracted = await api(`${own}/${fixed.body.id}`, { method: 'DELETE', cookie: patient.cookie });
    expect(retracted.status).toBe(200);
    expect(retracted.body).toMatchObject({ status: 'retracted', retractedById: patient.id });
    list = await api(`${own}?questionnaire=phq4`, { cookie: patient.cookie });
    expect(list.body.responses.map((r: { score: number }) => r.score)).toEqual([4]);

    const history = await api(`${own}/${first.body.id}/history`, { cookie: patient.cookie });
    expect(history.status).toBe(200);
    expect(history.body.history.map((r: { score: number; status: string }) => [r.score, r.status])).toEqual([[12, 'superseded'], [2, 'retracted']]);
    expect((await api(`${own}/${fixed.body.id}/history`, { cookie: patient.cookie })).body.history).toHaveLength(2);
    expect(await prisma.questionnaireResponse.count({ where: { id: { in: [first.body.id, fixed.body.id] } } })).toBe(2);

    // Nobody else corrects, retracts or reads its history: 404 for another patient, 403 for other roles.
    expect((await api(`${own}/${first.body.id}/history`, { cookie: stranger.cookie })).status).toBe(404);
    const kept = (await api(`${own}?questionnaire=phq4`, { cookie: patient.cookie })).body.responses[0].id;
    expect((await api(`${own}/${kept}`, { method: 'DELETE', cookie: stranger.cookie })).status).toBe(404);
    expect((await api(`${own}/${kept}`, { method: 'PATCH', json: { answers: [0, 0, 0, 0] }, cookie: stranger.cookie })).status).toBe(404);
    expect((await api(`${own}/${kept}`, { method: 'DELETE', cookie: doctor.cookie })).status).toBe(403);
    expect((await api(`${own}/${kept}`, { method: 'DELETE' })).status).toBe(401);
    expect((await api(`${own}/not-a-uuid`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(404);
  });

  it('a linked doctor and a caregiver with view read; others 404, the wrong role 403, anonymous 401', async () => {
    const byDoctor = await api(`${of(patient.id)}/responses`, { cookie: doctor.cookie });
    expect(byDoctor.status).toBe(200);
    const mine = await api(own, { cookie: patient.cookie });
    expect(byDoctor.body.responses).toEqual(mine.body.responses);
    const byCaregiver = await api(`${of(patient.id)}/responses?questionnaire=gad7`, { cookie: caregiver.cookie });
    expect(byCaregiver.status).toBe(200);
    expect(byCaregiver.body.responses).toHaveLength(2);
    expect((await api(`${of(patient.id)}/responses`, { cookie: blindCaregiver.cookie })).status).toBe(404);
    expect((await api(`${of(patient.id)}/responses`, { cookie: otherDoctor.cookie })).status).toBe(404);
    expect((await api(`${of(patient.id)}/responses`, { cookie: patient.cookie })).status).toBe(403);
    expect((await api(`${of(patient.id)}/responses`)).status).toBe(401);
    expect((await api(own, { cookie: doctor.cookie })).status).toBe(403);
    expect((await api(own)).status).toBe(401);
    // Reading another person's answers is audited.
    const audit = await prisma.auditLog.findFirst({ where: { actorUserId: doctor.id, patientId: patient.id, targetType: 'patients', outcome: 'SUCCESS' } });
    expect(audit).not.toBeNull();
  });

  it('only the linked doctor schedules; the questionnaire is due until answered, then every N days', async () => {
    const user = await createSignedInUser({ timeZone: 'Pacific/Auckland' });
    await linkCare({ patientId: user.id, carerId: doctor.id, kind: 'DOCTOR' });
    await linkCare({ patientId: user.id, carerId: caregiver.id, kind: 'CAREGIVER' });
    const schedules = `${of(user.id)}/schedules`;
    const bad: [Record<string, unknown>, string][] = [
      [{ questionnaire: 'gad7', everyDays: 0 }, 'everyDays'],
      [{ questionnaire: 'gad7', everyDays: 366 }, 'everyDays'],
      [{ questionnaire: 'gad7', everyDays: 1.5 }, 'everyDays'],
      [{ questionnaire: 'bdi', everyDays: 14 }, 'questionnaire'],
      [{ questionnaire: 'gad7', everyDays: 14, startOn: '2020-01-01' }, 'startOn'],
    ];
    for (const [json, field] of bad) {
      const res = await api(schedules, { json, cookie: doctor.cookie });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.body.error.details[0].field).toBe(field);
    }
    expect(await prisma.questionnaireSchedule.count({ where: { patientId: user.id } })).toBe(0);
    expect((await api(schedules, { json: { questionnaire: 'gad7', everyDays: 14 }, cookie: caregiver.cookie })).status).toBe(403);
    expect((await api(schedules, { json: { questionnaire: 'gad7', everyDays: 14 }, cookie: otherDoctor.cookie })).status).toBe(404);
    expect((await api(schedules, { cookie: otherDoctor.cookie })).status).toBe(404);
    expect((await api(schedules, { cookie: caregiver.cookie })).status).toBe(403);

    // An answer from before the doctor asked does not count towards the schedule.
    expect((await api(own, { json: { questionnaire: 'gad7', answers: [0, 0, 0, 0, 0, 0, 0], answeredAt: at('2026-01-05') }, cookie: user.cookie })).status).toBe(201);
    const created = await api(schedules, { json: { questionnaire: 'gad7', everyDays: 14 }, cookie: doctor.cookie });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ questionnaire: 'gad7', everyDays: 14, due: true, createdById: doctor.id, stoppedAt: null });
    let due = await api('/api/v1/users/me/questionnaires/due', { cookie: user.cookie });
    expect(due.body.due.map((d: { questionnaire: string }) => d.questionnaire)).toEqual(['gad7']);

    const answered = await api(own, { json: { questionnaire: 'gad7', answers: [1, 1, 0, 0, 0, 0, 0] }, cookie: user.cookie });
    expect(answered.status).toBe(201);
    due = await api('/api/v1/users/me/questionnaires/due', { cookie: user.cookie });
    expect(due.body.due).toEqual([]);
    expect(due.body.schedules[0].nextDueOn > created.body.nextDueOn).toBe(true);
    // Retracting the answer makes it due again.
    expect((await api(`${own}/${answered.body.id}`, { method: 'DELETE', cookie: user.cookie })).status).toBe(200);
    due = await api('/api/v1/users/me/questionnaires/due', { cookie: user.cookie });
    expect(due.body.due).toHaveLength(1);

    // Stopping keeps the schedule; nothing is due after it. Another patient's schedule id is 404.
    expect((await api(`${of(patient.id)}/schedules/${created.body.id}`, { method: 'DELETE', cookie: doctor.cookie })).status).toBe(404);
    expect((await api(`${schedules}/${created.body.id}`, { method: 'DELETE', cookie: otherDoctor.cookie })).status).toBe(404);
    const stopped = await api(`${schedules}/${created.body.id}`, { method: 'DELETE', cookie: doctor.cookie });
    expect(stopped.status).toBe(200);
    expect(stopped.body.stoppedAt).not.toBeNull();
    expect((await api('/api/v1/users/me/questionnaires/due', { cookie: user.cookie })).body.due).toEqual([]);
    expect((await api(schedules, { cookie: doctor.cookie })).body.schedules).toHaveLength(1);
    expect((await api('/api/v1/users/me/questionnaires/due', { cookie: doctor.cookie })).status).toBe(403);
  });
});
