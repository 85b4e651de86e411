// The patient's own pages end to end: today at a glance, trends and data sources, accessible (axe: no
// serious or critical violations) at desktop and phone widths; then a new device is registered, its
// token read once, samples synced with it over the API, and the numbers it sent appear on the
// dashboard and in the steps trend once the background pipeline has aggregated them.
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { localDate, zonedDayRangeUtc } from '../lib/time';

// Generous waits: the first visit of a route may compile it (E2E_DEV), and test machines can be busy.
const expect = baseExpect.configure({ timeout: 20_000 });

/** Forms and buttons work once React has hydrated them: wait for that before using them. */
async function waitForHydrated(page: Page, selector = 'form') {
  await page.waitForFunction((s) => {
    const element = document.querySelector(s);
    return !!element && Object.keys(element).some((k) => k.startsWith('__reactProps'));
  }, selector);
}

const ZONE = 'Europe/Berlin'; // the demo patient's
const DEVICE = `E2E Band ${Date.now().toString(36)}`;

test.describe.configure({ mode: 'serial', timeout: 360_000 });

async function signIn(page: Page) {
  // Under `next dev` a recompile can reload the page mid-way: try again rather than fail on that.
  await expect(async () => {
    await page.goto('/login');
    await waitForHydrated(page);
    await page.getByLabel('E-mail').fill('patient@demo.test');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await baseExpect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  }).toPass({ timeout: 120_000 });
}

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

/** Fails the test on a hydration mismatch or an uncaught error in the page. */
function watchConsole(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /hydrat|did not match/i.test(m.text())) problems.push(m.text().slice(0, 300));
  });
  return problems;
}

const stepsOf = (text: string) => Number(/([\d,]+) steps/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);

test('the patient pages are clear and accessible, on a desktop and on a phone', async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page);

  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Alex Morgan' })).toBeVisible();
  for (const title of ['Steps', 'Resting heart rate', 'Sleep', 'Weight', 'Blood pressure', 'Glucose', 'Insights']) {
    await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
  }
  // Every card with a value says where it came from (the demo's devices by name).
  await expect(page.getByTestId('metric-weight')).toContainText('Withings Body+ 100 %');
  await expect(page.getByTestId('metric-blood-pressure')).toContainText(/\d+\/\d+ mmHg/);
  // The cuff, or a caregiver's manual reading when caregiver.spec.ts ran first against the same server.
  await expect(page.getByTestId('metric-blood-pressure')).toContainText(/Sources \(share of the readings\): (Omron cuff|Manual entry)/);
  await expectAccessible(page);
  await page.screenshot({ path: 'e2e/screenshots/patient-dashboard.png', fullPage: true });

  await page.goto('/trends');
  await expect(page.getByRole('heading', { level: 1, name: 'Trends' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Steps' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/patient-trends-overview.png', fullPage: true });

  await page.goto('/trends/BLOOD_GLUCOSE?period=month');
  await expect(page.getByRole('button', { name: 'Month', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Target range 70–180 mg/dL')).toBeVisible();
  await expect(page.getByText('Lowest to highest reading')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/patient-trends-glucose.png', fullPage: true });

  await page.goto('/trends/STEPS');
  await expect(page.getByRole('heading', { level: 1, name: 'Steps' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Week', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('img', { name: /^Steps, / })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'e2e/screenshots/patient-trends.png', fullPage: true });
  // The period switcher: one pressed at a time, and the choice kept in the address.
  await waitForHydrated(page, '[aria-label="Period"] button');
  await page.getByRole('button', { name: 'Year', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Year', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Week', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(page).toHaveURL(/period=year/);
  await expect(page.getByTestId('trend-window')).toContainText('Year:');

  await page.goto('/devices');
  await expect(page.getByRole('heading', { level: 1, name: 'Data sources' })).toBeVisible();
  // The five seeded sources (other specs on the same server may have added a manual-entry source).
  for (const name of ['Apple Watch', 'iPhone', 'Withings Body+', 'Omron cuff', 'Contour glucometer']) {
    await expect(page.getByTestId('device-item').filter({ hasText: name })).toHaveCount(1);
  }
  await expect(page.getByTestId('device-item').first()).toContainText('Apple Watch');
  await expectAccessible(page);
  await page.screenshot({ path: 'e2e/screenshots/patient-devices.png', fullPage: true });

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Alex Morgan' })).toBeVisible();
  // Nothing wider than the phone's screen.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: 'no sideways scrolling at 375 px (charts resize after the viewport)' }).toBeLessThanOrEqual(375);
  await expectAccessible(page);
  await page.screenshot({ path: 'e2e/screenshots/patient-dashboard-375.png', fullPage: true });
  await page.goto('/devices');
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: 'no sideways scrolling at 375 px (charts resize after the viewport)' }).toBeLessThanOrEqual(375);
  await page.screenshot({ path: 'e2e/screenshots/patient-devices-375.png', fullPage: true });

  expect(problems).toEqual([]);
});

test('a new device is registered, syncs with its token, and its steps show up', async ({ page, request }) => {
  const problems = watchConsole(page);
  await signIn(page);

  // Register: the token is shown once, with copyable sync instructions.
  await page.goto('/devices');
  await waitForHydrated(page);
  await page.getByLabel('Name').fill(DEVICE);
  await page.getByLabel('Kind of device').selectOption('wearable');
  await page.getByLabel('Priority (optional)').fill('200'); // above the watch, so its steps count in full
  await page.getByRole('button', { name: 'Register device' }).click();
  const panel = page.getByTestId('token-panel');
  await expect(panel.getByRole('heading', { name: `Copy the token for “${DEVICE}” now` })).toBeFocused();
  const token = await panel.getByLabel('Token', { exact: true }).inputValue();
  const deviceId = await panel.getByLabel('Device ID').inputValue();
  expect(token.length).toBeGreaterThanOrEqual(40);
  await expect(panel.getByLabel('Example sync request')).toContainText(`/api/v1/devices/${deviceId}/sync`);
  await expect(panel.getByLabel('Example sync request')).toContainText(`Authorization: Bearer ${token}`);
  await expect(panel.getByRole('button', { name: 'Copy token' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/patient-devices-token.png', fullPage: true });
  await expectAccessible(page);
  await panel.getByRole('button', { name: 'I have saved the token' }).click();
  await expect(page.getByTestId('token-panel')).toHaveCount(0);
  await expect(page.getByTestId('device-item').first()).toContainText(DEVICE); // priority 200: first
  await expect(page.getByTestId('device-item').first()).toContainText('Never synced yet');
  await page.reload();
  expect(await page.content()).not.toContain(token);

  // Steps synced for "today" just before local midnight would be yesterday's when checked: start after it.
  const untilMidnight = zonedDayRangeUtc(localDate(Date.now(), ZONE), ZONE).endMs - Date.now();
  if (untilMidnight < 120_000) {
    test.setTimeout(test.info().timeout + untilMidnight);
    await new Promise((resolve) => setTimeout(resolve, untilMidnight + 1000));
  }

  // Before: today's steps on the dashboard.
  await page.goto('/dashboard');
  const before = await page.getByTestId('metric-steps').innerText();

  // Sync 5,000 steps for today through the API with the device's token.
  const nowMs = Date.now();
  const midnightMs = zonedDayRangeUtc(localDate(nowMs, ZONE), ZONE).startMs;
  const startMs = Math.max(midnightMs, nowMs - 20 * 60_000);
  const res = await request.post(`/api/v1/devices/${deviceId}/sync`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { samples: [{ type: 'STEPS', value: 5000, unit: 'count', startDate: new Date(startMs).toISOString(), endDate: new Date(nowMs).toISOString(), clientRecordId: 'e2e-steps-1' }] },
  });
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ accepted: 1, duplicates: 0, rejected: [] });

  // The pipeline aggregates after the response: reload until the dashboard shows the new source.
  const steps = page.getByTestId('metric-steps');
  await expect
    .poll(async () => {
      await page.reload();
      return steps.innerText();
    }, { timeout: 60_000, intervals: [1000, 2000, 3000] })
    .toContain(DEVICE);
  const after = await steps.innerText();
  expect(after).not.toEqual(before);
  expect(stepsOf(after)).toBeGreaterThanOrEqual(5000);

  // A very low glucose reading opens an alert at the top of the dashboard: acknowledged, then resolved.
  const low = await request.post(`/api/v1/devices/${deviceId}/sync`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { samples: [{ type: 'BLOOD_GLUCOSE', value: 45, unit: 'mg/dL', startDate: new Date(nowMs - 60_000).toISOString(), endDate: new Date(nowMs - 60_000).toISOString(), clientRecordId: 'e2e-glucose-low' }] },
  });
  expect(low.status()).toBe(200);
  const alerts = page.getByRole('region', { name: /Open alerts/ });
  await expect
    .poll(async () => {
      await page.reload();
      return alerts.count();
    }, { timeout: 60_000, intervals: [1000, 2000, 3000] })
    .toBe(1);
  await expect(alerts).toContainText('Very low glucose');
  await expect(alerts).toContainText('A reading of 45 mg/dL');
  await expectAccessible(page);
  await page.screenshot({ path: 'e2e/screenshots/patient-dashboard-alert.png', fullPage: true });
  await waitForHydrated(page, 'section[aria-labelledby="alerts-heading"] button');
  await alerts.getByRole('button', { name: 'Acknowledge alert: Very low glucose' }).click();
  await expect(alerts).toContainText('Acknowledged');
  await alerts.getByRole('button', { name: 'Mark resolved alert: Very low glucose' }).click();
  await expect(page.getByText(/^No open alerts\./)).toBeVisible();
  await expect(alerts).toHaveCount(0);

  // The steps trend shows the same day, hour by hour, with the new source.
  await page.goto('/trends/STEPS?period=day');
  await expect(page.getByRole('button', { name: 'Day', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('trend-window')).toContainText('Day: Today');
  await expect(page.getByRole('img', { name: /^Steps, Today/ })).toBeVisible();
  await expect(page.getByTestId('trend-sources')).toContainText(DEVICE);
  expect(stepsOf(await page.getByTestId('stat-total').innerText())).toBeGreaterThanOrEqual(5000);
  await page.getByText(/Show the numbers/).click();
  await expect(page.getByRole('table')).toContainText(DEVICE);
  await page.screenshot({ path: 'e2e/screenshots/patient-trends-day.png', fullPage: true });

  // Data sources: synced just now, contributed steps; move it down one place.
  await page.goto('/devices');
  await waitForHydrated(page, '[data-testid="device-item"] button');
  const item = page.getByTestId('device-item').filter({ hasText: DEVICE });
  await expect(item).toContainText('Last sync today');
  await expect(item).toContainText(/Last 30 days: Steps \d+ %/);
  await item.getByRole('button', { name: `Move ${DEVICE} down` }).click();
  await expect(page.getByTestId('device-item').nth(1)).toContainText(DEVICE);
  await expect(page.getByTestId('device-item').first()).toContainText('Apple Watch');

  // A per-type override, then revoke (confirmed): the token stops working at once.
  await item.getByText('Priority per kind of data').click();
  await item.getByLabel('Kind of data').selectOption('STEPS');
  await item.getByLabel('Priority', { exact: true }).fill('300');
  await item.getByRole('button', { name: 'Set override' }).click();
  await expect(item.getByRole('status').filter({ hasText: 'Steps priority set to 300' })).toBeVisible();
  await expect(item).toContainText('1 per-type override');

  await item.getByRole('button', { name: `Revoke ${DEVICE}` }).click();
  const dialog = page.getByRole('dialog', { name: `Revoke ${DEVICE}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Revoke device' }).click();
  await expect(dialog).toHaveCount(0);
  // The five seeded sources (other specs on the same server may have added a manual-entry source).
  for (const name of ['Apple Watch', 'iPhone', 'Withings Body+', 'Omron cuff', 'Contour glucometer']) {
    await expect(page.getByTestId('device-item').filter({ hasText: name })).toHaveCount(1);
  }
  // (admin.spec.ts may have revoked another of this patient's devices on the same server)
  await expect(page.getByRole('heading', { name: /^Revoked \(\d+\)$/ })).toBeVisible();
  const refused = await request.post(`/api/v1/devices/${deviceId}/sync`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { samples: [{ type: 'STEPS', value: 10, unit: 'count', startDate: new Date(nowMs - 60_000).toISOString(), endDate: new Date(nowMs).toISOString() }] },
  });
  expect(refused.status()).toBe(401);

  expect(problems).toEqual([]);
});
