// The demo's questionnaires: a GAD-7 schedule from the doctor six weeks back and three answers since,
// through the data layer, so the GAD-7 is due today and its trend shows; a second run adds nothing.
import { describe, expect, it } from 'vitest';
import { listResponses } from '@/lib/data/questionnaires';
import { dueQuestionnaires, listSchedules } from '@/lib/data/questionnaires-schedules';
import { createUser, linkCare } from '@/test/factories';
import { seedQuestionnairesDemo } from './seed-questionnaires';

describe('seedQuestionnairesDemo', () => {
  it('schedules the GAD-7 from the doctor and answers it three times, once', async () => {
    const [patient, doctor] = await Promise.all([createUser({ timeZone: 'Europe/Berlin' }), createUser({ role: 'DOCTOR' })]);
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    const now = new Date(Date.UTC(2026, 10, 20, 12));
    expect(await seedQuestionnairesDemo(now, patient.email, doctor.email)).toEqual({ schedules: 1, responses: 3 });
    expect(await seedQuestionnairesDemo(now, patient.email, doctor.email)).toEqual({ schedules: 0, responses: 0 });
    const scope = { patientId: patient.id, timeZone: 'Europe/Berlin', types: 'ALL' as const };
    const responses = await listResponses(scope);
    expect(responses.map((r) => [r.answeredAt.slice(0, 10), r.score, r.band, r.change])).toEqual([
      ['2026-11-06', 6, 'mild', -2], ['2026-10-23', 8, 'mild', -3], ['2026-10-09', 11, 'moderate', null],
    ]);
    const [schedule] = await listSchedules(scope, now.getTime());
    expect(schedule).toMatchObject({ questionnaire: 'gad7', everyDays: 14, createdById: doctor.id, nextDueOn: '2026-11-20', due: true });
    expect((await dueQuestionnaires(scope, now.getTime())).map((s) => s.questionnaire)).toEqual(['gad7']);
    expect(await dueQuestionnaires(scope, now.getTime() - 86_400_000)).toEqual([]);
  });
});
