// Unit: the words of the daily digests (groups in triage order, alerts counted with their kinds and
// acknowledgement, the quiet ones counted, links), and no digest when nothing changed.
import { describe, expect, it } from 'vitest';
import { alertsPhrase, caregiverDigestText, doctorDigestText, MAX_BODY, type DoctorDigestPatient } from './digest-text';

const common = { day: '2026-02-10', since: 'since your last summary' as const, appUrl: 'https://pulse.example' };
const patient = (name: string, group: DoctorDigestPatient['group'], more: Partial<DoctorDigestPatient> = {}): DoctorDigestPatient => ({
  patientId: `id-${name.split(' ')[0]!.toLowerCase()}`, name, group, newReadings: false, alerts: null, ...more,
});

describe('alertsPhrase', () => {
  it('counts kinds and says what was acknowledged and what is still open', () => {
    expect(alertsPhrase({ count: 1, kinds: ['GLUCOSE_LOW'], acknowledged: 1, open: 0 }, 'since your last summary')).toBe(
      '1 alert since your last summary: very low glucose, acknowledged',
    );
    expect(alertsPhrase({ count: 1, kinds: ['BLOOD_PRESSURE_CRISIS'], acknowledged: 0, open: 1 }, 'in the last 24 hours')).toBe(
      '1 alert in the last 24 hours: blood pressure crisis, not acknowledged, still open',
    );
    expect(alertsPhrase({ count: 3, kinds: ['GLUCOSE_LOW', 'GLUCOSE_HIGH', 'GLUCOSE_LOW'], acknowledged: 1, open: 2 }, 'since your last summary')).toBe(
      '3 alerts since your last summary: very low glucose ×2 and very high glucose, 1 acknowledged and 2 not, 2 still open',
    );
    expect(alertsPhrase({ count: 2, kinds: ['GLUCOSE_HIGH', 'GLUCOSE_HIGH'], acknowledged: 2, open: 0 }, 'in the last 7 days')).toContain('all acknowledged');
    expect(alertsPhrase({ count: 2, kinds: ['GLUCOSE_HIGH', 'GLUCOSE_HIGH'], acknowledged: 0, open: 0 }, 'in the last 7 days')).toContain('none acknowledged');
  });
});

describe('doctorDigestText', () => {
  it('lists the groups in triage order with names and what changed; quiet patients are counted', () => {
    const text = doctorDigestText({
      ...common,
      patients: [
        patient('Quinn Quiet', 'on-target'),
        patient('Nia New', 'on-target', { newReadings: true }),
        patient('Sam Sleep', 'sleep-deficit'),
        patient('Alex Kumar', 'emergency', { newReadings: true, alerts: { count: 2, kinds: ['GLUCOSE_LOW', 'GLUCOSE_LOW'], acknowledged: 1, open: 1 } }),
        patient('Quentin Quiet', 'on-target'),
      ],
    })!;
    expect(text.title).toBe('Your daily summary for Tuesday 10 February');
    expect(text.body.split('\n')).toEqual([
      'Active emergency: Alex Kumar (2 alerts since your last summary: very low glucose ×2, 1 acknowledged and 1 not, 1 still open; new readings).',
      'Sleep deficit: Sam Sleep (no new readings).',
      'Meeting targets: Nia New (new readings).',
      'Quiet: 2 patients meeting targets, with no new readings or alerts.',
      '',
      'Open in Pulse:',
      'Alex Kumar: https://pulse.example/doctor/patients/id-alex',
      'Sam Sleep: https://pulse.example/doctor/patients/id-sam',
      'Nia New: https://pulse.example/doctor/patients/id-nia',
      'All your patients: https://pulse.example/doctor',
    ]);
  });

  it('a patient meeting targets with an alert in the window is listed, never counted as quiet', () => {
    const text = doctorDigestText({ ...common, patients: [patient('Ola Once', 'on-target', { alerts: { count: 1, kinds: ['GLUCOSE_HIGH'], acknowledged: 1, open: 0 } })] })!;
    expect(text.body).toContain('Meeting targets: Ola Once (1 alert since your last summary: very high glucose, acknowledged; no new readings).');
    expect(text.body).not.toContain('Quiet');
  });

  it('a large panel is shortened to fit a message (links go first, then names), never hiding that there were alerts', () => {
    const alerts = { count: 1, kinds: ['GLUCOSE_LOW' as const], acknowledged: 0, open: 1 };
    const patients = [
      ...Array.from({ length: 300 }, (_, i) => patient(`Patient Number${i}`, 'on-target', { patientId: `id-${i}`, newReadings: true })),
      ...Array.from({ length: 15 }, (_, i) => patient(`Low Person${i}`, 'glucose-low', { patientId: `low-${i}`, newReadings: i > 0, alerts })),
      patient('Alex Kumar', 'emergency', { alerts: { ...alerts, count: 2, kinds: ['GLUCOSE_LOW', 'GLUCOSE_LOW'] } }),
    ];
    const text = doctorDigestText({ ...common, patients })!;
    expect(text.body.length).toBeLessThanOrEqual(MAX_BODY);
    expect(text.body).not.toContain('Open in Pulse');
    const low = text.body.split('\n').find((l) => l.startsWith('Low glucose: '))!;
    expect(low.match(/1 alert/g)).toHaveLength(10);
    expect(low).toMatch(/ and 5 more \(5 with alerts\)\.$/);
    expect(text.body.split('\n')[0]).toBe('Active emergency: Alex Kumar (2 alerts since your last summary: very low glucose ×2, none acknowledged, 1 still open; no new readings).');
    expect(text.body).toMatch(/Meeting targets: .* and \d+ more\./);
    expect(text.body.split('\n').at(-1)).toBe('All your patients: https://pulse.example/doctor');
  });

  it('nothing changed (no readings, no alerts to tell) → no digest, whatever the groups', () => {
    expect(doctorDigestText({ ...common, patients: [patient('Quinn Quiet', 'on-target'), patient('Gina Glucose', 'glucose-low'), patient('Dan Data', 'no-data')] })).toBeNull();
    expect(doctorDigestText({ ...common, patients: [] })).toBeNull();
  });
});

describe('caregiverDigestText', () => {
  it('each person they care for, by name, with what happened and a link', () => {
    const text = caregiverDigestText({
      ...common,
      people: [
        { patientId: 'b', name: 'Bo', newReadings: false, alerts: null },
        { patientId: 'a', name: 'Alex', newReadings: true, alerts: { count: 1, kinds: ['GLUCOSE_LOW'], acknowledged: 0, open: 0 } },
      ],
    })!;
    expect(text.body.split('\n')).toEqual([
      'Alex: 1 alert since your last summary: very low glucose, not acknowledged; new readings.',
      'Bo: no new readings.',
      '',
      'Open in Pulse:',
      'Alex: https://pulse.example/caregiver/patients/a',
      'Bo: https://pulse.example/caregiver/patients/b',
      'Everyone you care for: https://pulse.example/caregiver',
    ]);
  });

  it('nothing happened → no digest', () => {
    expect(caregiverDigestText({ ...common, people: [{ patientId: 'a', name: 'Alex', newReadings: false, alerts: null }] })).toBeNull();
  });
});

describe('a digest in the reader\'s language', () => {
  const people = [
    { patientId: 'a', name: 'Alex', newReadings: true, alerts: { count: 3, kinds: ['GLUCOSE_LOW' as const, 'GLUCOSE_HIGH' as const, 'GLUCOSE_LOW' as const], acknowledged: 1, open: 2 } },
    { patientId: 'b', name: 'Bo', newReadings: false, alerts: null },
  ];

  it('Tamil: the title\'s date, the window, the alert kinds and the lines are Tamil; names and links stay', () => {
    const text = caregiverDigestText({ ...common, since: 'in the last 24 hours', locale: 'ta', people })!;
    expect(text.title).toBe('பிப்ரவரி 10, செவ்வாய் அன்றைய உங்கள் தினசரி சுருக்கம்'); // the date as CLDR writes it in Tamil
    expect(text.body.split('\n')).toEqual([
      'Alex: கடந்த 24 மணி நேரத்தில் 3 எச்சரிக்கைகள்: மிகக் குறைந்த குளுக்கோஸ் ×2 மற்றும் மிக அதிக குளுக்கோஸ், 1 ஏற்கப்பட்டன, 2 இல்லை, 2 இன்னும் திறந்துள்ளன; புதிய அளவீடுகள்.',
      'Bo: புதிய அளவீடுகள் இல்லை.',
      '',
      'Pulse-இல் திறக்க:',
      'Alex: https://pulse.example/caregiver/patients/a',
      'Bo: https://pulse.example/caregiver/patients/b',
      'நீங்கள் பராமரிக்கும் அனைவரும்: https://pulse.example/caregiver',
    ]);
  });

  it('Marathi: triage groups translated, counts in Marathi digits; no English word left', () => {
    const text = doctorDigestText({
      ...common, locale: 'mr',
      patients: [
        patient('Alex Kumar', 'emergency', { newReadings: true, alerts: { count: 1, kinds: ['BLOOD_PRESSURE_CRISIS'], acknowledged: 0, open: 1 } }),
        patient('Quinn Quiet', 'on-target'),
        patient('Quentin Quiet', 'on-target'),
      ],
    })!;
    expect(text.title).toContain('१० फेब्रुवारी');
    expect(text.body).toContain('सुरू असलेली आणीबाणी: Alex Kumar (तुमच्या मागील सारांशापासून १ इशारा: रक्तदाब संकट, दखल घेतली नाही, अजून उघडा; नवीन नोंदी).');
    expect(text.body).toContain('शांत: २ रुग्ण लक्ष्य गाठत आहेत');
    const words = text.body.replace(/https:\/\/\S+/g, '').replace(/Alex Kumar|Pulse/g, '');
    expect(words).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('every language has a digest with no placeholder left and no English sentence', () => {
    for (const locale of ['hi', 'ta', 'te', 'bn', 'mr', 'gu'] as const) {
      const text = doctorDigestText({
        ...common, locale,
        patients: [...people.map((p, i) => patient(p.name, i === 0 ? 'glucose-low' : 'sleep-deficit', p)), patient('Quinn Quiet', 'on-target')],
      })!;
      const all = `${text.title}\n${text.body}`;
      expect(all, locale).not.toMatch(/[{}]/);
      expect(all.replace(/https:\/\/\S+/g, '').replace(/Alex|Bo|Quinn Quiet|Pulse/g, ''), locale).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});

