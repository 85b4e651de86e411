// A newcomer's first steps on a fresh install, all in the browser and with brand-new accounts: a patient
// signs up at /signup, confirms the address from the e-mail (read from the development outbox, as the
// e2e server runs in demo mode), and invites a caregiver by an address that has no account yet. The
// invitee opens the invitation signed out, follows its "create an account" link, signs up as a
// caregiver with that address, confirms it, and then can answer the invitation: the invitation page
// offers Accept, and it waits on their home page, where they accept it. Each side then sees the other.
import { test, type Page } from '@playwright/test';
import { linkMailedTo } from './outbox';
import { DEV, expect, seriousViolations } from './role-helpers';

test.slow(DEV, 'next dev compiles each page and API route on first use');

// A passphrase of unrelated words: the password policy refuses common ones, runs and the person's name or address.
const PASSWORD = 'copper lantern orchard drizzle';

const VERIFY_LINK = /\/verify-email\?token=[A-Za-z0-9_%-]+/;
const INVITATION_LINK = /\/invitations\/[A-Za-z0-9_-]+/;

type Person = { role: 'Patient' | 'Caregiver'; name: string; email: string };

/** Fills the sign-up form as a person would (by its labels) and creates the account. */
async function signUp(page: Page, person: Person) {
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  // Hydrated, so the form posts through JavaScript rather than natively.
  await page.waitForFunction(() => {
    const form = document.querySelector('main form');
    return !!form && Object.keys(form).some((k) => k.startsWith('__reactProps'));
  });
  const form = page.getByRole('main');
  await form.getByRole('group', { name: 'I am a…' }).getByRole('radio', { name: new RegExp(`^${person.role}\\b`) }).check();
  await form.getByLabel('Name', { exact: true }).fill(person.name);
  await form.getByLabel('E-mail').fill(person.email);
  await form.getByLabel('Password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Create account' }).click();
}

/** Opens the verification link mailed to `email` and expects the address confirmed. */
async function verifyFromOutbox(page: Page, email: string, since: number) {
  await page.goto(await linkMailedTo(email, VERIFY_LINK, since));
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your e-mail address' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Your e-mail address is confirmed.');
  // The token leaves the address bar.
  await expect(page).toHaveURL(/\/verify-email$/);
}

test('a new patient signs up, invites a caregiver who has no account; the caregiver signs up from the invitation and accepts it', async ({ browser }) => {
  test.setTimeout(DEV ? 600_000 : 240_000);
  const since = Date.now() - 1000;
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const patient: Person = { role: 'Patient', name: 'Robin Ashdown', email: `robin.${run}@example.com` };
  const carer: Person = { role: 'Caregiver', name: 'Jordan Whitlock', email: `jordan.${run}@example.com` };

  // The patient signs up, is signed in straight away, and confirms the address from the e-mail.
  const p = await (await browser.newContext()).newPage();
  await p.goto('/');
  // The landing page leads to sign-in, which offers to create an account.
  await p.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  await p.getByRole('link', { name: 'Create an account' }).click();
  await expect(p).toHaveURL(/\/signup$/);
  expect(await seriousViolations(p)).toEqual([]);
  await signUp(p, patient);
  await p.waitForURL((url) => url.pathname === '/dashboard', { timeout: DEV ? 90_000 : 30_000 });
  await expect(p.getByTestId('signed-in-as')).toHaveText(patient.name);
  await verifyFromOutbox(p, patient.email, since);
  await p.getByRole('link', { name: 'Continue to Pulse' }).click();
  await p.waitForURL((url) => url.pathname === '/dashboard');

  // From the care team page, the patient invites the caregiver's address (no account holds it yet).
  await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Care team' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Care team' })).toBeVisible();
  await expect(p.getByRole('heading', { name: 'Caregivers (0)' })).toBeVisible();
  const invite = p.getByRole('form', { name: 'Invite to the care team' });
  await invite.getByLabel('E-mail address').fill(carer.email);
  await invite.getByLabel('Invite as').selectOption('CAREGIVER');
  await invite.getByLabel('Receives my alerts').check();
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(p.getByRole('status').filter({ hasText: `Invitation sent to ${carer.email}` })).toBeVisible();
  await expect(p.getByTestId('sent-invitation').filter({ hasText: carer.email })).toBeVisible();

  const invitation = await linkMailedTo(carer.email, INVITATION_LINK, since);

  // Signed out, the invitation names who invites and as what, and offers to create an account.
  const c = await (await browser.newContext()).newPage();
  await c.goto(invitation);
  await expect(c.getByRole('heading', { level: 1, name: 'Care team invitation' })).toBeVisible();
  await expect(c.getByText(`${patient.name} invites you to their care team on Pulse as a caregiver.`)).toBeVisible();
  expect(await seriousViolations(c)).toEqual([]);
  await c.getByRole('main').getByRole('link', { name: 'create an account', exact: true }).click();
  await expect(c).toHaveURL(`/signup?next=${encodeURIComponent(invitation)}`);
  expect(await seriousViolations(c)).toEqual([]);

  // Signed up (and signed in), the caregiver comes back to the invitation, which first wants the address confirmed.
  await signUp(c, carer);
  await c.waitForURL((url) => url.pathname === invitation, { timeout: DEV ? 90_000 : 30_000 });
  await expect(c.getByText('Verify your e-mail address first')).toBeVisible();
  await expect(c.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  await verifyFromOutbox(c, carer.email, since);

  // Confirmed, the invitation page offers to accept or decline it …
  await c.goto(invitation);
  await expect(c.getByText(`${patient.name} invites you to their care team on Pulse as a caregiver.`)).toBeVisible();
  await expect(c.getByRole('button', { name: 'Accept' })).toBeVisible();
  await expect(c.getByRole('button', { name: 'Decline' })).toBeVisible();
  expect(await seriousViolations(c)).toEqual([]);

  // … and it waits among their invitations at home, where they accept it.
  await c.goto('/');
  await c.waitForURL((url) => url.pathname === '/caregiver');
  await expect(c.getByTestId('signed-in-as')).toHaveText(carer.name);
  await expect(c.getByTestId('cared-for')).toHaveCount(0);
  const pending = c.getByTestId('received-invitation').filter({ hasText: patient.name });
  await expect(pending).toContainText('invites you as a caregiver');
  await pending.getByRole('button', { name: `Accept the invitation from ${patient.name}` }).click();
  await expect(c.getByTestId('received-invitation')).toHaveCount(0);

  // The caregiver cares for the patient now, with the permissions the patient chose.
  const cared = c.getByTestId('cared-for').filter({ hasText: patient.name });
  await expect(cared).toBeVisible();
  const may = cared.getByRole('list', { name: `What you may do for ${patient.name}` });
  await expect(may).toContainText('You can see their health data');
  await expect(may).toContainText('You receive their emergency alerts');
  await expect(may).toContainText('You cannot log data for them');
  await cared.getByRole('link', { name: patient.name }).click();
  await expect(c.getByRole('heading', { level: 1, name: patient.name })).toBeVisible();
  // The invitation is answered: its link no longer works.
  await c.goto(invitation);
  await expect(c.getByRole('button', { name: 'Accept' })).toHaveCount(0);

  // The patient sees the caregiver in the care team, and no invitation waiting any more.
  await p.reload();
  await expect(p.getByRole('heading', { name: 'Caregivers (1)' })).toBeVisible();
  await expect(p.getByText(carer.name, { exact: true })).toBeVisible();
  await expect(p.getByText(carer.email, { exact: true })).toBeVisible();
  await expect(p.getByRole('group', { name: `What ${carer.name} may do` }).getByLabel('Receives your alerts')).toBeChecked();
  await expect(p.getByTestId('sent-invitation')).toHaveCount(0);
});
