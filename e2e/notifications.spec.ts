// The notification center in the browser (issue 17): a new patient and a new caregiver who receives
// their alerts (accounts, confirmation from the development outbox, invitation and acceptance through the
// same API the pages use); the patient's meter syncs a reading of 45 mg/dL with its device token, and
// the caregiver's bell, polling, turns red with one unread emergency. On /notifications the alert names
// the patient, shows the treatment steps of a low, and the caregiver acknowledges it; the patient sees
// who did. The page passes axe at desktop and phone widths.
import { test, type Browser, type Page } from '@playwright/test';
import { linkMailedTo } from './outbox';
import { DEV, expect, seriousViolations } from './role-helpers';

test.slow(DEV, 'next dev compiles each page and API route on first use');

const PASSWORD = 'harbour quilt meadow lantern';
const VERIFY_LINK = /\/verify-email\?token=[A-Za-z0-9_%-]+/;
// The bell polls every 30 s: allow for two rounds and the pipeline's run after the sync.
const BELL_TIMEOUT = DEV ? 180_000 : 90_000;

type Person = { name: string; email: string; role: 'PATIENT' | 'CAREGIVER' };

/** Signs up through the API, confirms the address from the outbox, and signs in through the form. */
async function newAccount(browser: Browser, person: Person, since: number): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const signedUp = await page.request.post('/api/v1/auth/signup', { data: { ...person, password: PASSWORD } });
  expect(signedUp.status()).toBe(201);
  const link = await linkMailedTo(person.email, VERIFY_LINK, since);
  const token = new URL(link, 'http://localhost').searchParams.get('token');
  expect((await page.request.post('/api/v1/auth/verify-email', { data: { token } })).status()).toBe(200);
  await page.goto('/login');
  await page.waitForLoadState('networkidle'); // hydrated, so the form signs in instead of submitting natively
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login', { timeout: DEV ? 90_000 : 30_000 });
  await expect(page.getByTestId('signed-in-as')).toHaveText(person.name);
  return page;
}

async function checkPage(page: Page, screenshot: string) {
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `e2e/screenshots/${screenshot}.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: 'no sideways scrolling at 375 px' }).toBeLessThanOrEqual(375);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `e2e/screenshots/${screenshot}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the caregiver’s bell shows the alert after the patient’s meter syncs a low; they acknowledge it on /notifications', async ({ browser, request }) => {
  test.setTimeout(DEV ? 900_000 : 300_000);
  const since = Date.now() - 1000;
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const patient: Person = { name: 'Morgan Ellery', email: `morgan.${run}@example.com`, role: 'PATIENT' };
  const carer: Person = { name: 'Quinn Hartley', email: `quinn.${run}@example.com`, role: 'CAREGIVER' };
  const [p, c] = await Promise.all([newAccount(browser, patient, since), newAccount(browser, carer, since)]);

  // The patient invites the caregiver, allowed to receive alerts; the caregiver accepts.
  const invited = await p.request.post('/api/v1/care-team/invitations', {
    data: { email: carer.email, role: 'CAREGIVER', permissions: { view: true, logData: false, receiveAlerts: true } },
  });
  expect(invited.status()).toBe(201);
  const { invitations } = (await (await c.request.get('/api/v1/invitations')).json()) as { invitations: { id: string; from: { name: string } }[] };
  const invitation = invitations.find((i) => i.from.name === patient.name);
  expect(invitation).toBeDefined();
  expect((await c.request.post(`/api/v1/invitations/${invitation!.id}/accept`)).status()).toBe(200);

  // The patient registers a meter (the device token is what the meter's app holds).
  const registered = await p.request.post('/api/v1/devices', { data: { name: 'Glucose meter', type: 'glucometer' } });
  expect(registered.status()).toBe(201);
  const meter = (await registered.json()) as { id: string; token: string };

  // Nothing yet in the caregiver's bell.
  await c.goto('/caregiver');
  const bell = c.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName('Notifications, none unread');
  await expect(c.getByTestId('notification-badge')).toHaveCount(0);

  // The meter syncs 45 mg/dL, measured four minutes ago.
  const at = new Date(Date.now() - 4 * 60_000).toISOString();
  const synced = await request.post(`/api/v1/devices/${meter.id}/sync`, {
    headers: { authorization: `Bearer ${meter.token}` },
    data: { samples: [{ type: 'BLOOD_GLUCOSE', value: 45, unit: 'mg/dL', startDate: at, endDate: at }] },
  });
  expect(synced.status()).toBe(200);
  expect(await synced.json()).toMatchObject({ accepted: 1, rejected: [] });

  // The bell, polling, shows one unread emergency: a red badge, and the words for those who cannot see it.
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread, 1 emergency', { timeout: BELL_TIMEOUT });
  await expect(c.getByTestId('notification-badge')).toHaveText('1');
  await expect(c.getByTestId('notification-badge')).toHaveAttribute('data-urgent', 'true');

  await bell.click();
  await c.waitForURL((url) => url.pathname === '/notifications');
  await expect(c.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const alert = c.getByTestId('notification').filter({ hasText: 'Very low glucose' });
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText('Emergency');
  await expect(alert).toContainText('Unread');
  await expect(alert).toContainText(`About ${patient.name}`);
  await expect(alert).toContainText('45 mg/dL');
  const steps = alert.getByTestId('low-glucose-steps');
  await expect(steps).toContainText('Take 15 g of fast-acting carbohydrate');
  await expect(steps).toContainText('Re-check the glucose after 15 minutes');
  await expect(steps).toContainText('below 70 mg/dL (3.9 mmol/L)');
  await expect(steps).toContainText('do not give food or drink');
  await expect(alert.getByTestId('emergency-status')).toContainText('nobody has acknowledged it yet');
  await expect(alert.getByRole('link', { name: `Open ${patient.name}’s page` })).toHaveAttribute('href', /^\/caregiver\/patients\/[0-9a-f-]{36}$/);
  await checkPage(c, 'notifications-caregiver');

  await alert.getByRole('button', { name: /^Acknowledge/ }).click();
  await expect(alert.getByTestId('emergency-status')).toContainText(`Acknowledged by ${carer.name}`);
  await expect(alert.getByRole('button', { name: /^Acknowledge/ })).toHaveCount(0);
  await expect(alert).not.toContainText('Unread');
  await expect(bell).toHaveAccessibleName('Notifications, none unread');
  await checkPage(c, 'notifications-caregiver-acknowledged');

  // The patient's own copy says who acknowledged it; a link to it (as messages outside the app carry)
  // brings it into view, highlighted.
  await p.goto('/notifications');
  const own = p.getByTestId('notification').filter({ hasText: 'Very low glucose' });
  await expect(own.getByTestId('emergency-status')).toContainText(`Acknowledged by ${carer.name}`);
  const id = await own.getAttribute('id');
  expect(id).toMatch(/^n-[0-9a-f-]{36}$/);
  await p.goto(`/notifications#${id}`);
  await expect(p.locator(`#${id}`)).toBeFocused();
  await own.getByRole('button', { name: /^Mark read/ }).click();
  await expect(own).not.toContainText('Unread');
  // The acknowledgement told the patient too (an emergency notice, unread until read).
  const told = p.getByTestId('notification').filter({ hasText: 'Alert acknowledged' });
  await expect(told).toContainText('acknowledged the alert. It will not be escalated further.');
  await expect(p.getByTestId('notification-bell')).toHaveAccessibleName('Notifications, 1 unread, 1 emergency');
  await p.getByRole('button', { name: 'Mark all read' }).click();
  await expect(p.getByTestId('notification-bell')).toHaveAccessibleName('Notifications, none unread');
});
