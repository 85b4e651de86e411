// Two-factor sign-in in a real browser, with a brand-new patient account (signed up through the API,
// its address confirmed from the development outbox's link): the patient turns it on in Settings →
// Security with the key shown for manual entry (codes computed with `otpauth`, as an authenticator app
// would), confirms with a code and keeps the ten recovery codes. Signing in then asks for the code after
// the password: a wrong one is refused with a message, the right one signs in; the next time a recovery
// code does instead, and it is used up.
import { test, type Page } from '@playwright/test';
import * as OTPAuth from 'otpauth';
import { linkMailedTo } from './outbox';
import { DEV, expect, seriousViolations } from './role-helpers';

test.slow(DEV, 'next dev compiles each page and API route on first use');

const PASSWORD = 'juniper saddle mosaic thunder';
const PERIOD_MS = 30_000;

/** The authenticator app: codes of the key, each from a later 30-second step than the one before (the server takes a code once). */
function authenticator(base32: string) {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(base32), digits: 6, period: 30, algorithm: 'SHA1' });
  let lastStep = -1;
  return {
    async nextCode(): Promise<string> {
      const step = () => Math.floor(Date.now() / PERIOD_MS);
      // Wait for a step no code was taken from yet (at most one period), plus a little margin.
      while (step() <= lastStep) await new Promise((resolve) => setTimeout(resolve, (lastStep + 1) * PERIOD_MS - Date.now() + 50));
      lastStep = step();
      return totp.generate({ timestamp: lastStep * PERIOD_MS + 1 });
    },
    /** Six digits that are none of the codes the server accepts now (this step and one on either side). */
    wrongCode(): string {
      const now = Date.now();
      const valid = new Set([-1, 0, 1].map((d) => totp.generate({ timestamp: now + d * PERIOD_MS })));
      let n = Number(totp.generate({ timestamp: now }));
      do n = (n + 111_111) % 1_000_000;
      while (valid.has(String(n).padStart(6, '0')));
      return String(n).padStart(6, '0');
    },
  };
}

/** The first step of the sign-in form: e-mail and password (the button is enabled once the form is hydrated). */
async function enterPassword(page: Page, email: string) {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function expectSignedIn(page: Page, name: string) {
  await page.waitForURL((url) => url.pathname === '/dashboard', { timeout: DEV ? 90_000 : 30_000 });
  await expect(page.getByTestId('signed-in-as')).toHaveText(name);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await expect(page.getByRole('main').getByRole('link', { name: 'Sign in' })).toBeVisible();
}

test('a patient turns on two-factor sign-in, then signs in with a code from the app, and with a recovery code', async ({ page }) => {
  test.setTimeout(DEV ? 600_000 : 240_000);
  const since = Date.now() - 1000;
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const name = 'Morgan Fairley';
  const email = `morgan.${run}@example.com`;

  // A new account, its address confirmed from the e-mail's link.
  const signup = await page.request.post('/api/v1/auth/signup', { data: { email, password: PASSWORD, name, role: 'PATIENT', timeZone: 'UTC' } });
  expect(signup.status()).toBe(201);
  await page.goto(await linkMailedTo(email, /\/verify-email\?token=[A-Za-z0-9_%-]+/, since));
  await expect(page.getByRole('status')).toContainText('Your e-mail address is confirmed.');

  // Without two-factor sign-in, the password alone signs in.
  await enterPassword(page, email);
  await expectSignedIn(page, name);

  // Settings → Security: set it up with the key shown for manual entry, and confirm it with a code.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const security = page.getByRole('region', { name: 'Security' });
  await expect(security.getByRole('heading', { name: 'Two-factor sign-in' })).toBeVisible();
  await security.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  const key = security.getByTestId('two-factor-secret');
  await expect(key).toBeVisible();
  const secret = (await key.innerText()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // The same key in the otpauth:// link for the phone.
  const uri = await security.getByRole('link', { name: /^otpauth:\/\/totp\// }).getAttribute('href');
  expect(new URL(uri!).searchParams.get('secret')).toBe(secret);
  expect(await seriousViolations(page)).toEqual([]);

  const app = authenticator(secret);
  await security.getByLabel('Code from your app').fill(await app.nextCode());
  await security.getByRole('button', { name: 'Turn on' }).click();
  const shown = security.getByTestId('recovery-codes');
  await expect(shown).toContainText('Save these recovery codes somewhere safe.');
  await expect(shown.getByRole('listitem')).toHaveCount(10);
  const recoveryCodes = (await shown.getByRole('listitem').allInnerTexts()).map((c) => c.trim());
  expect(new Set(recoveryCodes).size).toBe(10);
  await security.getByRole('button', { name: 'I have saved them' }).click();
  await expect(security).toContainText('Two-factor sign-in is on');
  await expect(security).toContainText('10 recovery codes left.');

  // Signing in now asks for a code once the password is right; a wrong code is refused, the right one signs in.
  await signOut(page);
  await enterPassword(page, email);
  const code = page.getByLabel('Authentication code');
  await expect(code).toBeVisible();
  await expect(page.getByText('Enter the six-digit code from your authenticator app.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await code.fill(app.wrongCode());
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('That code is not right, or it was used already. Try the next one.');
  await expect(page).toHaveURL(/\/login$/);
  await expect(code).toBeVisible();
  await code.fill(await app.nextCode()); // a later step than the code that turned it on
  await page.getByRole('button', { name: 'Verify' }).click();
  await expectSignedIn(page, name);

  // Once more, with a recovery code instead of the app.
  await signOut(page);
  await enterPassword(page, email);
  await expect(page.getByLabel('Authentication code')).toBeVisible();
  await page.getByRole('button', { name: 'Use a recovery code' }).click();
  await expect(page.getByText('Enter one of your recovery codes. Each works once.')).toBeVisible();
  await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expectSignedIn(page, name);

  // That recovery code is used up.
  await page.goto('/settings');
  await expect(page.getByRole('region', { name: 'Security' })).toContainText('9 recovery codes left.');
});
