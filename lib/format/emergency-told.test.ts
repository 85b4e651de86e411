import { describe, expect, it } from 'vitest';
import { emergencyReading } from './emergency-reading';
import { alertAudience, escalatedTo, toldCarer, toldPatient } from './emergency-told';
import { DEFAULT_UNITS } from './health';

const none = { doctors: 0, caregivers: 0, digestDoctors: 0 };

describe('who was told about an emergency (finding 5)', () => {
  it('a patient with no care team is not told that their care team was told', () => {
    for (const text of [toldPatient(none), alertAudience({ doctors: 0, caregivers: 0 })]) {
      expect(text).not.toMatch(/care team (has been|is|was) told/i);
      expect(text).toContain('No one in your care team receives alerts yet');
    }
    expect(toldCarer(none)).toBe('Notified: the patient only.');
    expect(alertAudience({ doctors: 0, caregivers: 1 })).toBe('You are alerted here when a reading is far outside the safe range, and so is the one caregiver who receives your alerts.');
    expect(escalatedTo(none)).toBe('Emergency escalated, but no doctor is linked to this patient, so no doctor could be notified.');
  });

  it('names who was told, by role, and who waits for a digest', () => {
    expect(toldPatient({ doctors: 1, caregivers: 2, digestDoctors: 0 })).toBe('One doctor and 2 caregivers of your care team were notified.');
    expect(toldPatient({ doctors: 0, caregivers: 0, digestDoctors: 1 })).toBe('One doctor will get it in their daily summary, not at once.');
    expect(toldPatient({ doctors: 1, caregivers: 0, digestDoctors: 0 })).toBe('One doctor of your care team was notified.');
    expect(alertAudience({ doctors: 2, caregivers: 0 })).toBe('You are alerted here when a reading is far outside the safe range, and so are the 2 doctors who receive your alerts.');
    expect(toldCarer({ doctors: 2, caregivers: 1, digestDoctors: 1 })).toBe('Notified: the patient, 2 doctors and one caregiver. One doctor will get it in a daily digest.');
    expect(escalatedTo({ doctors: 3, caregivers: 0, digestDoctors: 0 })).toBe('Emergency escalated: 3 doctors were notified at once.');
  });
});

describe('in the reader\'s language', () => {
  it('Hindi: counts with plurals, lists joined as Hindi joins them', () => {
    expect(toldPatient({ doctors: 1, caregivers: 2, digestDoctors: 0 }, 'hi')).toBe('आपकी देखभाल टीम के एक डॉक्टर और 2 देखभालकर्ता को सूचना दी गई।');
    expect(toldCarer({ doctors: 2, caregivers: 0, digestDoctors: 0 }, 'hi')).toBe('सूचित: मरीज़ और 2 डॉक्टर।');
    expect(escalatedTo({ doctors: 3, caregivers: 0, digestDoctors: 0 }, 'hi')).toBe('आपातस्थिति आगे बढ़ाई गई: 3 डॉक्टरों को तुरंत सूचना दी गई।');
  });

  it('Bengali: its own digits', () => {
    expect(escalatedTo({ doctors: 3, caregivers: 0, digestDoctors: 0 }, 'bn')).toBe('জরুরি অবস্থা বাড়ানো হয়েছে: ৩ জন ডাক্তারকে সঙ্গে সঙ্গে জানানো হয়েছে।');
    expect(emergencyReading('BLOOD_PRESSURE_CRISIS', { systolic: 185, diastolic: 95 }, DEFAULT_UNITS, 'bn')).toBe('১৮৫/৯৫ mmHg');
    expect(emergencyReading('MISSED_MEDICATION', { missed: 2 }, DEFAULT_UNITS, 'bn')).toBe('পরপর ২টি ডোজ বাদ পড়েছে');
  });
});
