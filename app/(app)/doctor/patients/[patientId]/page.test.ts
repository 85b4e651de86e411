// Integration (HTTP): the doctor's patient page shows the insulin and carbs card for a patient with doses
// (total daily insulin, basal / bolus split, daily carbs), and no such card for a patient without any.
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { addDays, localDate } from '@/lib/time';
import { createDevice, createSignedInUser, createUser, linkCare, syncSamples } from '@/test/factories';
import { api } from '@/test/http';

// Noon UTC a few days back: whole days in the page's 30, whatever the hour the test runs at.
const noon = (daysBack: number, hour = 12) => `${addDays(localDate(Date.now(), 'UTC'), -daysBack)}T${String(hour).padStart(2, '0')}:00:00Z`;

describe('GET /doctor/patients/:id — insulin and carbs', () => {
  it('shows total daily insulin with its split and daily carbs when the patient has doses; nothing otherwise', async () => {
    const patient = await createUser({ timeZone: 'UTC' });
    const plain = await createUser({ timeZone: 'UTC' });
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    await linkCare({ patientId: plain.id, carerId: doctor.id, kind: 'DOCTOR' });
    const pump = await createDevice(patient.id, 'phone', 'AndroidAPS');
    await syncSamples(pump, [
      { type: 'INSULIN', value: 6, unit: 'U', category: 'bolus', startDate: noon(3), endDate: noon(3) },
      { type: 'INSULIN', value: 10, unit: 'U', category: 'basal', startDate: noon(3, 0), endDate: noon(3, 10) },
      { type: 'INSULIN', value: 4, unit: 'U', category: 'bolus', startDate: noon(2), endDate: noon(2) },
      { type: 'INSULIN', value: 10, unit: 'U', category: 'basal', startDate: noon(2, 0), endDate: noon(2, 10) },
      { type: 'CARBOHYDRATES', value: 120, unit: 'g', startDate: noon(3), endDate: noon(3) },
    ]);

    const page = await api<string>(`/doctor/patients/${patient.id}`, { cookie: doctor.cookie });
    expect(page.status).toBe(200);
    const text = page.body.replace(/<!-- -->/g, '');
    // The card's heading as rendered: the page's messages (the doctor namespace, sent to the client) hold the words either way.
    const cardHeading = />Insulin and carbs \(30 days\)<\/h2>/;
    expect(text).toMatch(cardHeading);
    expect(text).toContain('15 U per day'); // (16 + 14) / 2
    expect(text).toContain('Basal 10 U (67 %)');
    expect(text).toContain('bolus 5 U (33 %)');
    expect(text).toContain('120 g per day');
    expect(text).toContain('Average of 2 days with data');

    const other = await api<string>(`/doctor/patients/${plain.id}`, { cookie: doctor.cookie });
    expect(other.status).toBe(200);
    expect(other.body.replace(/<!-- -->/g, '')).not.toMatch(cardHeading);
  }, 180_000);

  it('reads in Hindi for a doctor who chose Hindi: headings, the card, numbers and the alert form', async () => {
    const patient = await createUser({ timeZone: 'UTC' });
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    await prisma.userPreferences.upsert({ where: { userId: doctor.id }, create: { userId: doctor.id, language: 'hi' }, update: { language: 'hi' } });
    const pump = await createDevice(patient.id, 'phone', 'AndroidAPS');
    await syncSamples(pump, [{ type: 'INSULIN', value: 6, unit: 'U', category: 'bolus', startDate: noon(3), endDate: noon(3) }]);

    const page = await api<string>(`/doctor/patients/${patient.id}`, { cookie: doctor.cookie });
    expect(page.status).toBe(200);
    const text = page.body.replace(/<!-- -->/g, '');
    expect(text).toContain('<html lang="hi"');
    expect(text).toMatch(/>इंसुलिन और कार्ब्स \(30 दिन\)<\/h2>/);
    expect(text).toContain('6 U प्रति दिन');
    expect(text).toContain('डेटा वाले 1 दिन का औसत');
    expect(text).toContain('>← सभी मरीज़</a>');
    expect(text).toContain('>अलर्ट सेटिंग्स सहेजें</button>');
    expect(text).toContain('>सिस्टोलिक, इतना या अधिक (mmHg)</label>');
    expect(text).not.toContain('Insulin and carbs (30 days)');
    expect(text).not.toContain('All patients');

    const list = await api<string>('/doctor', { cookie: doctor.cookie });
    expect(list.status).toBe(200);
    expect(list.body.replace(/<!-- -->/g, '')).toContain('<h1 class="text-2xl font-semibold text-slate-900">आपके मरीज़</h1>');
  }, 180_000);
});
