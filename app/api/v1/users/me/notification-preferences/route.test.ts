// Integration: GET | PATCH /api/v1/users/me/notification-preferences — each person's own choices.
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { DEFAULT_CHANNELS } from '@/lib/notify/preferences';
import { createSignedInUser } from '@/test/factories';
import { api } from '@/test/http';

const PATH = '/api/v1/users/me/notification-preferences';

describe('notification preferences', () => {
  it('starts from the defaults, changes what is sent, and shows which channels the person has', async () => {
    const patient = await createSignedInUser();
    const initial = await api(PATH, { cookie: patient.cookie });
    expect(initial.status).toBe(200);
    expect(initial.body).toEqual({
      channels: DEFAULT_CHANNELS, quietHours: null, valuesInMessages: false, caregiverDigest: false,
      escalation: { escalateAfterMinutes: 15, escalateAgainAfterMinutes: 30, recheckAfterMinutes: 15 },
      available: { email: true, pushBrowsers: 0 },
    });
    const patched = await api(PATH, {
      method: 'PATCH', cookie: patient.cookie,
      json: { channels: { insight: [] }, quietHours: { start: '22:30', end: '06:45' }, valuesInMessages: true, escalation: { escalateAfterMinutes: 5, escalateAgainAfterMinutes: 10, recheckAfterMinutes: 15 } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ channels: { ...DEFAULT_CHANNELS, insight: [] }, quietHours: { start: '22:30', end: '06:45' }, valuesInMessages: true, escalation: { escalateAfterMinutes: 5 } });
    expect(await prisma.userPreferences.findUniqueOrThrow({ where: { userId: patient.id } })).toMatchObject({ quietHoursStart: 22 * 60 + 30, quietHoursEnd: 6 * 60 + 45 });
    // Another change keeps the rest; null turns quiet hours off.
    const again = await api(PATH, { method: 'PATCH', cookie: patient.cookie, json: { channels: { digest: ['PUSH'] }, quietHours: null } });
    expect(again.body).toMatchObject({ channels: { ...DEFAULT_CHANNELS, insight: [], digest: ['PUSH'] }, quietHours: null, valuesInMessages: true });
  });

  it('refuses bad fields by name and changes nothing; escalation is a patient’s, the digest choice a caregiver’s', async () => {
    const [patient, caregiver, doctor] = await Promise.all([createSignedInUser(), createSignedInUser({ role: 'CAREGIVER' }), createSignedInUser({ role: 'DOCTOR' })]);
    const before = (await api(PATH, { cookie: patient.cookie })).body;
    for (const [json, field] of [
      [{ quietHours: { start: '25:00', end: '07:00' } }, 'quietHours.start'],
      [{ quietHours: { start: '07:00', end: '07:00' } }, 'quietHours.end'],
      [{ channels: { emergency: ['SMS'] } }, 'channels.emergency.0'],
      [{ channels: { everything: ['EMAIL'] } }, 'channels'],
      [{ escalation: { escalateAfterMinutes: 30, escalateAgainAfterMinutes: 20, recheckAfterMinutes: 15 } }, 'escalation.escalateAgainAfterMinutes'],
      [{ valuesInMessages: 'yes' }, 'valuesInMessages'],
      [{ caregiverDigest: true }, 'caregiverDigest'],
    ] as const) {
      const res = await api(PATH, { method: 'PATCH', cookie: patient.cookie, json: { valuesInMessages: true, ...json } });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect((res.body.error.details as { field: string }[]).map((d) => d.field), JSON.stringify(json)).toContain(field);
    }
    expect((await api(PATH, { cookie: patient.cookie })).body).toEqual(before);

    expect((await api(PATH, { method: 'PATCH', cookie: caregiver.cookie, json: { caregiverDigest: true } })).body.caregiverDigest).toBe(true);
    const doctorPrefs = await api(PATH, { cookie: doctor.cookie });
    expect(doctorPrefs.body.escalation).toBeUndefined();
    const refused = await api(PATH, { method: 'PATCH', cookie: doctor.cookie, json: { escalation: { escalateAfterMinutes: 5, escalateAgainAfterMinutes: 10, recheckAfterMinutes: 5 } } });
    expect(refused.status).toBe(422);
    expect((await api(PATH)).status).toBe(401);
  });
});
