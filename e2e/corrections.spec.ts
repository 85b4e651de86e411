// Corrections (issue 19, "a wrong reading is corrected and the chart follows"): the demo patient logs a
// wrong glucose reading on /entry (299 mg/dL typed for 60: both inside the demo's alert thresholds, 54 and
// 300 mg/dL, so no emergency outlives this spec and changes what the other specs see), corrects it from the timeline
// with the keyboard (Edit, the value, Save), sees "Corrected" and its history (the wrong value kept), and
// the glucose trend's hour of the reading follows: its hourly aggregate no longer holds 299, nor does the
// range the trend's table shows for it. Axe stays clean with the form and the history open.
import { test, type Page } from '@playwright/test';
import { expect, seriousViolations, signIn } from './role-helpers';

test.describe.configure({ timeout: 300_000 });
test.use({ navigationTimeout: 120_000 });

type Row = { periodStart: string; value: number; min: number | null; max: number | null; count: number };

const WRONG = 299; // above every demo reading (they stay below 300)
const RIGHT = 60;

// The patient's hourly glucose aggregates of today (and yesterday, for a test run just after midnight).
async function hours(page: Page): Promise<Row[]> {
  const today = new Date();
  const from = new Date(today.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(today.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
  const res = await page.request.get(`/api/v1/users/me/aggregates?types=BLOOD_GLUCOSE&period=hour&from=${from}&to=${to}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { BLOOD_GLUCOSE?: Row[] }).BLOOD_GLUCOSE ?? [];
}

// The trend table's range cells (lowest – highest of each hour), as shown.
const ranges = (page: Page) => page.locator('table tbody td:nth-child(3)').allTextContents();

const holds = (rows: Row[], mgdl: number) => rows.some((r) => r.max !== null && Math.abs(r.max - mgdl) < 0.5);

test('a wrong glucose reading is corrected from the timeline and the chart follows', async ({ page }) => {
  await signIn(page, 'patient@demo.test');

  // The wrong reading, logged now.
  await page.goto('/entry');
  await expect(page.getByRole('heading', { level: 1, name: 'Log data' })).toBeVisible();
  await expect(page.getByLabel('Unit')).toHaveValue('mg/dL');
  await page.getByRole('textbox', { name: 'Blood glucose' }).fill(String(WRONG));
  await page.getByLabel('Meal context').selectOption({ label: 'Before lunch' });
  await page.getByRole('button', { name: 'Save blood glucose' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(`Saved: Blood glucose ${WRONG} mg/dL`);
  await expect.poll(async () => holds(await hours(page), WRONG), { timeout: 90_000 }).toBe(true);
  const wrongHour = (await hours(page)).find((r) => r.max !== null && Math.abs(r.max - WRONG) < 0.5)!;
  const hourRow = async () => (await hours(page)).find((r) => r.periodStart === wrongHour.periodStart);

  // The chart shows it: the numbers behind the day's trend (its table, drawn from the same rows) reach the
  // wrong value in its hour's range. (The chart's own description names the lowest and highest hourly
  // means: whether one reading moves them depends on the hour the spec runs at.)
  await page.goto('/trends/BLOOD_GLUCOSE?period=day');
  await expect(page.getByRole('img', { name: /Blood glucose/ }).first()).toBeVisible();
  await expect.poll(async () => (await ranges(page)).some((r) => r.includes(String(WRONG)))).toBe(true);

  // Corrected from the timeline, by keyboard.
  await page.goto('/timeline');
  const item = page.getByRole('listitem').filter({ hasText: `${WRONG} mg/dL` });
  await expect(item).toHaveCount(1);
  await item.getByRole('button', { name: 'Edit glucose entry' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Correct glucose entry' });
  await expect(form).toBeVisible();
  await form.getByLabel('Glucose (mg/dL)').fill(String(RIGHT));
  expect(await seriousViolations(page)).toEqual([]);
  await form.getByRole('button', { name: 'Save correction' }).press('Enter');

  const fixed = page.getByRole('listitem').filter({ hasText: `${RIGHT} mg/dL` }).filter({ hasText: 'Corrected' });
  await expect(fixed).toHaveCount(1);
  await expect(page.getByRole('listitem').filter({ hasText: `${WRONG} mg/dL` })).toHaveCount(0);
  await fixed.getByRole('button', { name: 'Show history' }).click();
  await expect(fixed.getByRole('listitem').filter({ hasText: 'Entered' })).toContainText(`${WRONG} mg/dL`);
  await expect(fixed.getByRole('listitem').filter({ hasText: 'Corrected' })).toContainText(`${RIGHT} mg/dL`);
  await expect(fixed.getByRole('button', { name: 'Hide history' })).toHaveAttribute('aria-expanded', 'true');
  expect(await seriousViolations(page)).toEqual([]);

  // The aggregates recompute; the chart follows (its description changes with the data).
  // Same time, so the same hour: as many readings, the wrong value gone, the right one its lowest.
  await expect.poll(async () => { const row = await hourRow(); return row !== undefined && row.count === wrongHour.count && row.max !== null && row.max < WRONG && row.min !== null && row.min <= RIGHT + 0.5; }, { timeout: 90_000 }).toBe(true);
  await page.goto('/trends/BLOOD_GLUCOSE?period=day');
  await expect(page.getByRole('img', { name: /Blood glucose/ }).first()).toBeVisible();
  await expect.poll(async () => (await ranges(page)).some((r) => r.includes(String(WRONG)))).toBe(false);

  // Deleting it takes it off the timeline (its history stays behind the API).
  await page.goto('/timeline');
  const again = page.getByRole('listitem').filter({ hasText: `${RIGHT} mg/dL` }).filter({ hasText: 'Corrected' });
  await again.getByRole('button', { name: 'Delete glucose entry' }).click();
  await again.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('listitem').filter({ hasText: `${RIGHT} mg/dL` }).filter({ hasText: 'Corrected' })).toHaveCount(0);
  // …and from the aggregates: its hour holds one reading fewer (or none).
  await expect.poll(async () => (await hourRow())?.count ?? 0, { timeout: 90_000 }).toBe(wrongHour.count - 1);
});
