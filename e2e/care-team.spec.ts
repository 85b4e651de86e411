// A care team formed in the browser (issue 15): Sam Rivera (a demo patient without a caregiver) invites
// the demo caregiver by e-mail; the link is read from the development outbox (the e2e server runs in
// demo mode, so mail goes to .data/outbox as JSON); the caregiver opens it, accepts, and sees Sam among
// the people they care for. Sam then removes them again, which also leaves the demo as the other specs
// expect it. Then the desk: the doctor's code as a QR code, opened by a signed-out patient.
import { test, type Browser, type Page } from '@playwright/test';
import { linkMailedTo } from './outbox';
import { DEV, expect, seriousViolations, signIn } from './role-helpers';

test.slow(DEV, 'next dev compiles each page and API route on first use');

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test('a patient invites a caregiver by e-mail; the caregiver accepts from the link and sees the patient', async ({ browser }) => {
  test.setTimeout(DEV ? 600_000 : 240_000);
  const since = Date.now() - 1000;
  const patient = await signedInPage(browser, 'patient2@demo.test');
  await patient.goto('/care-team');
  const form = patient.getByRole('form', { name: 'Invite to the care team' });
  await form.getByLabel('E-mail address').fill('caregiver@demo.test');
  await form.getByLabel('Invite as').selectOption('CAREGIVER');
  await form.getByLabel('Receives my alerts').check();
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(patient.getByRole('status').filter({ hasText: 'Invitation sent to caregiver@demo.test' })).toBeVisible();
  await expect(patient.getByTestId('sent-invitation').filter({ hasText: 'caregiver@demo.test' })).toBeVisible();
  expect(await seriousViolations(patient)).toEqual([]);

  const link = await linkMailedTo('caregiver@demo.test', /\/invitations\/[A-Za-z0-9_-]+/, since, 'Sam Rivera');

  // Signed out, the page names who invites and offers to sign in or sign up, then come back.
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(link);
  await expect(anonymous.getByText('Sam Rivera invites you to their care team on Pulse as a caregiver.')).toBeVisible();
  await expect(anonymous.getByRole('main').getByRole('link', { name: 'create an account', exact: true })).toHaveAttribute('href', `/signup?next=${encodeURIComponent(link)}`);
  await expect(anonymous.getByRole('main').getByRole('link', { name: 'Sign in', exact: true })).toHaveAttribute('href', `/login?callbackUrl=${encodeURIComponent(link)}`);

  // Another account is told so and cannot answer it.
  const doctor = await signedInPage(browser, 'doctor@demo.test');
  await doctor.goto(link);
  await expect(doctor.getByRole('main').getByRole('alert')).toContainText('sent to another e-mail address');
  await expect(doctor.getByRole('button', { name: 'Accept' })).toHaveCount(0);

  const caregiver = await signedInPage(browser, 'caregiver@demo.test');
  await caregiver.goto(link);
  expect(await seriousViolations(caregiver)).toEqual([]);
  await caregiver.getByRole('button', { name: 'Accept' }).click();
  await caregiver.waitForURL((url) => url.pathname === '/caregiver');
  const sam = caregiver.getByTestId('cared-for').filter({ hasText: 'Sam Rivera' });
  await expect(sam).toBeVisible();
  await sam.getByRole('link', { name: 'Sam Rivera' }).click();
  await expect(caregiver.getByRole('heading', { level: 1, name: 'Sam Rivera' })).toBeVisible();

  // Sam sees the caregiver in the team and removes them: the caregiver's next request no longer finds Sam.
  await patient.reload();
  await expect(patient.getByText('Chris Morgan', { exact: true })).toBeVisible();
  patient.once('dialog', (dialog) => void dialog.accept());
  await patient.getByRole('button', { name: 'Remove Chris Morgan from your care team' }).click();
  await expect(patient.getByText('Chris Morgan', { exact: true })).toHaveCount(0);
  await caregiver.goto('/caregiver');
  await expect(caregiver.getByTestId('cared-for').filter({ hasText: 'Sam Rivera' })).toHaveCount(0);
});

test('a doctor shows a desk code as a QR code; the patient opens it signed out, signs in, and joins', async ({ browser }) => {
  test.setTimeout(DEV ? 600_000 : 180_000);
  const doctor = await signedInPage(browser, 'doctor@demo.test');
  await doctor.getByRole('button', { name: 'Show a code for a patient at the desk' }).click();
  await expect(doctor.getByRole('img', { name: /^QR code for the code / })).toBeVisible();
  const code = (await doctor.getByTestId('desk-code').textContent())!.replace('-', '');
  expect(code).toMatch(/^[A-Z2-9]{8}$/);

  // What the phone's camera opens: the Care team page with the code in the fragment. Signed out, the
  // sign-in page keeps it and comes back.
  const patient = await (await browser.newContext()).newPage();
  await patient.goto(`/care-team#code=${code}`);
  await patient.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('callbackUrl') === '/care-team');
  await patient.waitForLoadState('networkidle');
  await patient.getByLabel('E-mail').fill('patient2@demo.test');
  await patient.getByLabel('Password').fill('demo-password');
  await patient.getByRole('button', { name: 'Sign in' }).click();
  await patient.waitForURL((url) => url.pathname === '/care-team');
  await expect(patient.getByLabel('Code from your doctor', { exact: true })).toHaveValue(code);
  expect(new URL(patient.url()).hash).toBe(''); // not kept in the address bar or history
  await patient.getByRole('button', { name: 'Use code' }).click();
  await patient.getByRole('button', { name: 'Accept the invitation from Dr. Priya Shah' }).click();
  const doctors = patient.locator('section', { has: patient.getByRole('heading', { name: /Doctors/ }) });
  await expect(doctors.getByText('Dr. Priya Shah')).toBeVisible();

  // Leaves the demo as the other specs expect it.
  patient.once('dialog', (dialog) => void dialog.accept());
  await patient.getByRole('button', { name: 'Remove Dr. Priya Shah from your care team' }).click();
  await expect(doctors.getByText('Dr. Priya Shah')).toHaveCount(0);
});
