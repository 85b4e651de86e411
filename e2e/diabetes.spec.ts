// Insulin and carbs end to end in the browser: a patient logs a meal bolus and its carbs, sees them on the
// timeline with where they came from; their doctor sees the insulin and carbs card and the daily charts.
// Every page passes axe (no serious or critical violations) and does not scroll sideways at 375 px.
import { test, type Page } from '@playwright/test';
import { DEV, expect, seriousViolations, signIn } from './role-helpers';

test.slow(DEV, 'next dev compiles each page and API route on first use');

async function checked(page: Page, screenshot: string) {
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `e2e/screenshots/${screenshot}.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: 'no sideways scrolling at 375 px' }).toBeLessThanOrEqual(375);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `e2e/screenshots/${screenshot}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a patient logs insulin and carbs; the timeline and the doctor show them', async ({ page, browser }) => {
  test.setTimeout(DEV ? 600_000 : 180_000);
  await signIn(page, 'patient3@demo.test'); // Jordan Lee, a patient of the demo doctor
  // A retry finds the first attempt's entries of today: it expects one more of each, and today's sums.
  await page.goto('/timeline');
  const dose = page.getByRole('listitem').filter({ hasText: '4.5 U bolus' });
  const meal = page.getByRole('listitem').filter({ hasText: '45 g carbs' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const logged = (await dose.count()) + 1;
  await page.goto('/entry');
  await page.waitForLoadState('networkidle');

  await page.getByRole('radio', { name: 'Insulin' }).locator('xpath=..').click(); // the visible pill is its label
  await page.getByLabel('Insulin (units, U)').fill('4.5');
  await page.getByLabel('Kind of dose').selectOption({ label: 'Meal bolus' });
  await page.getByRole('button', { name: 'Save insulin' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Saved: Insulin 4.5 U (meal bolus)');

  await page.getByRole('radio', { name: 'Carbohydrates' }).locator('xpath=..').click();
  await page.getByLabel('Carbohydrates (grams)').fill('45');
  await page.getByRole('button', { name: 'Save carbohydrates' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Saved: Carbohydrates 45 g');
  await checked(page, 'patient-entry-insulin');

  await page.goto('/timeline');
  await expect(dose).toHaveCount(logged);
  await expect(dose.first()).toContainText('Entered by you');
  await expect(meal).toHaveCount(logged);
  await checked(page, 'patient-timeline-insulin');

  const doctor = await (await browser.newContext()).newPage();
  await signIn(doctor, 'doctor@demo.test');
  await doctor.goto('/doctor');
  await doctor.waitForLoadState('networkidle'); // hydrated: a click before hydration can be lost
  await doctor.getByRole('link', { name: 'Jordan Lee' }).first().click();
  await expect(doctor.getByRole('heading', { level: 1, name: 'Jordan Lee' })).toBeVisible({ timeout: 60_000 });
  const card = doctor.locator('section').filter({ has: doctor.getByRole('heading', { name: 'Insulin and carbs (30 days)' }) });
  await expect(card).toBeVisible();
  // Only today so far: no whole day to average yet, and the day's row says it is partial.
  await expect(card).toContainText('No whole day with insulin data');
  await expect(card.getByRole('row').filter({ hasText: '(so far)' })).toContainText(`${4.5 * logged} U`);
  await expect(card.getByRole('row').filter({ hasText: '(so far)' })).toContainText(`${45 * logged} g`);
  await expect(doctor.getByRole('heading', { name: 'Total daily insulin (U)' })).toBeVisible({ timeout: 60_000 });
  await checked(doctor, 'doctor-patient-insulin');
});
