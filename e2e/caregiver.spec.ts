// Caregivers see only the people who added them, and only what each link allows: the first caregiver
// (view + log + alerts for Alex Morgan) logs a reading; the second (view + alerts for Jordan Lee, alerts
// only for Alex) sees Jordan's data but no entry form — and the API refuses their entry with 404 — and
// no health data of Alex at all. Every page passes axe, at desktop and phone widths.
import { test, type Page } from '@playwright/test';
import { DEV, expect, seriousViolations, signIn } from './role-helpers';

test.slow(DEV, 'next dev compiles each page and API route on first use');

async function checkPage(page: Page, screenshot: string) {
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `e2e/screenshots/${screenshot}.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: 'no sideways scrolling at 375 px (charts resize after the viewport)' }).toBeLessThanOrEqual(375);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `e2e/screenshots/${screenshot}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

const patientIdFrom = (href: string | null) => href?.split('/').pop() ?? '';

test('caregiver with log permission sees their one person and logs a reading', async ({ page }) => {
  test.setTimeout(DEV ? 600_000 : 180_000); // several pages, each checked by axe at two widths
  await signIn(page, 'caregiver@demo.test');
  await page.getByRole('link', { name: 'People I care for' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People you care for' })).toBeVisible();
  await expect(page.getByTestId('cared-for')).toHaveCount(1);
  const alex = page.getByTestId('cared-for').filter({ hasText: 'Alex Morgan' });
  await expect(alex).toContainText('You can log readings and notes for them');
  await expect(page.getByText('Jordan Lee')).toHaveCount(0);
  await checkPage(page, 'caregiver-list');

  await alex.getByRole('link', { name: 'Alex Morgan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alex Morgan' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Last 30 days', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Today so far' })).toBeVisible();
  const entry = page.getByTestId('entry-forms');
  await expect(entry.getByRole('heading', { name: 'Log data for Alex Morgan' })).toBeVisible();
  await checkPage(page, 'caregiver-patient');

  // The shared entry forms (components/entry), posting to the patient's entries endpoint.
  await page.waitForLoadState('networkidle');
  await entry.locator('label').filter({ hasText: 'Blood pressure' }).click();
  await entry.getByLabel('Systolic (upper number, mmHg)').fill('128');
  await entry.getByLabel('Diastolic (lower number, mmHg)').fill('82');
  await entry.getByRole('button', { name: 'Save blood pressure' }).click();
  await expect(entry.getByRole('status')).toContainText('Saved: ');
  await expect(entry.getByRole('status')).toContainText('128/82');
});

test('second caregiver: views Jordan without logging, and sees no health data of Alex', async ({ page }) => {
  test.setTimeout(DEV ? 600_000 : 180_000); // several pages, each checked by axe at two widths
  await signIn(page, 'caregiver2@demo.test');
  await page.goto('/caregiver');
  await expect(page.getByTestId('cared-for')).toHaveCount(2);
  const jordan = page.getByTestId('cared-for').filter({ hasText: 'Jordan Lee' });
  await expect(jordan).toContainText('You cannot log data for them');
  await expect(page.getByTestId('cared-for').filter({ hasText: 'Alex Morgan' })).toContainText('You cannot see their health data');
  await checkPage(page, 'caregiver-second-list');

  await jordan.getByRole('link', { name: 'Jordan Lee' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jordan Lee' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Last 30 days', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Medications and adherence' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Emergencies/ })).toBeVisible();
  await expect(page.getByTestId('entry-forms')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Save / })).toHaveCount(0);
  const jordanId = patientIdFrom(new URL(page.url()).pathname);
  const refused = await page.request.post(`/api/v1/patients/${jordanId}/entries`, { data: { kind: 'glucose', value: 110, unit: 'mg/dL', mealContext: 'random' } });
  expect(refused.status()).toBe(404);
  await checkPage(page, 'caregiver-second-patient-view-only');

  await page.getByRole('link', { name: '← People you care for' }).click();
  await page.getByRole('link', { name: 'Alex Morgan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alex Morgan' })).toBeVisible();
  await expect(page.getByText('Alex Morgan has not shared their health data with you')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Last 30 days', exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Medications and adherence' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^Emergencies/ })).toBeVisible(); // alerts are still theirs
  const alexId = patientIdFrom(new URL(page.url()).pathname);
  expect((await page.request.get(`/api/v1/patients/${alexId}/aggregates?types=STEPS&period=day`)).status()).toBe(404);
  await checkPage(page, 'caregiver-second-patient-alerts-only');
});

test('a caregiver cannot open someone who did not add them', async ({ page }) => {
  await signIn(page, 'caregiver@demo.test');
  const res = await page.goto('/caregiver/patients/00000000-0000-4000-8000-000000000000');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
});
