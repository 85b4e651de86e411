// The one password rule (NIST SP 800-63B §5.1.1.2), for sign-up and password reset: at least 12
// characters (at most 200: argon2 need not hash novels), not a common password or one built on one
// (digits or symbols around it, leetspeak, repeated), not a run or a repetition, and not made of the
// person's own e-mail address or name. No composition rules (no "one digit, one symbol").
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i', '+': 't' };
const KEYBOARD_ROWS = ['0123456789', '`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./', 'abcdefghijklmnopqrstuvwxyz'];

const unleet = (s: string) => [...s].map((c) => LEET[c] ?? c).join('');
/** Without the digits and symbols at either end ("Password123!" → "Password"). */
const core = (s: string) => s.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/** The shortest unit the string repeats ("abcabcabc" → "abc"); the string itself when none. */
function repeatedUnit(s: string): string {
  for (let size = 1; size <= s.length / 2; size++) {
    if (s.length % size === 0 && s.slice(0, size).repeat(s.length / size) === s) return s.slice(0, size);
  }
  return s;
}

/** A run along a keyboard row or the alphabet or digits, either way ("123456789012", "qwertyuiop", "zyxwvu"). */
function isRun(s: string): boolean {
  if (s.length < 4) return false;
  return KEYBOARD_ROWS.some((row) => {
    const ring = row + row;
    const back = [...ring].reverse().join('');
    return ring.includes(s) || back.includes(s);
  });
}

function isCommon(lower: string): boolean {
  const candidates = new Set([lower, unleet(lower), core(lower), unleet(core(lower)), core(unleet(lower))]);
  for (const c of [...candidates]) candidates.add(repeatedUnit(c));
  return [...candidates].some((c) => COMMON_PASSWORDS.has(c) || isRun(c));
}

/** The words of the person's own details a password must not be made of. */
function personalWords(context: { email?: string; name?: string }): string[] {
  const [local = '', domain = ''] = (context.email ?? '').toLowerCase().split('@');
  const words = [local, ...local.split(/[^\p{L}\p{N}]+/u), domain.split('.')[0] ?? '', ...(context.name ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u), 'pulse'];
  return [...new Set(words.filter((w) => w.length >= 3))].sort((a, b) => b.length - a.length);
}

/** Why the password is refused (the reason of the 422 on `password`), or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase().normalize('NFKC');
  if (repeatedUnit(lower).length <= 3 || isRun(lower)) return 'is a repetition or a sequence of characters: choose something less predictable';
  if (isCommon(lower)) return 'is a commonly used password: choose something less predictable';
  let rest = lower;
  for (const word of personalWords(context)) rest = rest.split(word).join(' ');
  if (rest !== lower && core(rest.replace(/\s+/g, '')).length < 6) return 'is too close to your e-mail address or name';
  return null;
}
