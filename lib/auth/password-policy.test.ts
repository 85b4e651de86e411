import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('accepts long unpredictable passwords and passphrases, with no composition rules', () => {
    for (const ok of ['purple otter tunes the cello', 'zq8vmr2lk0pw', '83920174659321', 'Ünïcödé pässwörd ok', 'x'.repeat(5) + 'yz0q91mk']) {
      expect(passwordProblem(ok), ok).toBeNull();
    }
  });

  it('refuses short and overlong passwords', () => {
    expect(passwordProblem('short pass')).toMatch(/at least 12/);
    expect(passwordProblem('a'.repeat(12) + 'b'.repeat(190))).toMatch(/at most 200/);
  });

  it('refuses common passwords, also with digits or symbols around them, in leetspeak or repeated', () => {
    for (const weak of ['password1234', 'P@ssw0rd2024!', 'Sunshine!!1234', 'qwertyuiop123', 'passwordpassword', 'iloveyou1234', 'correcthorsebatterystaple']) {
      expect(passwordProblem(weak), weak).toMatch(/commonly used/);
    }
  });

  it('refuses runs and repetitions', () => {
    for (const weak of ['123456789012', 'aaaaaaaaaaaa', 'abcabcabcabc', 'zyxwvutsrqpo', '987654321098']) {
      expect(passwordProblem(weak), weak).toMatch(/repetition or a sequence/);
    }
  });

  it('refuses a password made of the person’s own e-mail address or name', () => {
    expect(passwordProblem('mary.jones.2024!', { email: 'mary.jones@example.com' })).toMatch(/e-mail address or name/);
    expect(passwordProblem('BartholomewFinch99', { name: 'Bartholomew Finch' })).toMatch(/e-mail address or name/);
    expect(passwordProblem('bartholomew plays the cello', { name: 'Bartholomew Finch' })).toBeNull();
  });
});
