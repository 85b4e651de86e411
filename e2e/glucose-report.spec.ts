// The clinic report end to end: a patient of the demo doctor gets two weeks of CGM readings through the
// real sync API (a CGM registered in their own session); the doctor opens the patient's AGP report from
// the patient page, sees the chart and the metrics, downloads the PDF (its bytes start with %PDF), and
// the patient opens their own report from the navigation. Every page passes axe (no serious or critical
// violations) and does not scroll sideways at 375 px; screenshots go to e2e/screenshots/.
import { readFile } from 'node:fs/promises';
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

/** 14 days of five-minute CGM readings up to a few minutes ago: a night-time dip, a rise after dinner. */
function cgmTrace(nowMs: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const end = nowMs - 10 * 60_000;
  for (let t = end - 14 * 86_400_000; t <= end; t += 5 * 60_000) {
    const hour = new Date(t).getUTCHours() + new Date(t).getUTCMinutes() / 60;
    const value = 130 + 55 * Math.sin(((hour - 12) / 24) * 2 * Math.PI) + (hour > 3 && hour < 4 ? -70 : 0) + ((t / 300_000) % 7) * 3;
    const at = new Date(t).toISOString();
    out.push({ type: 'BLOOD_GLUCOSE', value: Math.round(value), unit: 'mg/dL', startDate: at, endDate: at });
  }
  return out;
}

test('the doctor opens a patient\'s AGP report and downloads its PDF; the patient opens their own', async ({ page, browser }) => {
  test.setTimeout(DEV ? 600_000 : 180_000);
  // Jordan Lee (patient3), a patient of the demo doctor, wears a CGM from now on.
  const patient = await (await browser.newContext()).newPage(); // a context of its own (axe needs one)
  await signIn(patient, 'patient3@demo.test');
  const registered = await patient.request.post('/api/v1/devices', { data: { name: `E2E sensor ${Date.now()}`, type: 'cgm' } });
  expect(registered.status()).toBe(201);
  const device = (await registered.json()) as { id: string; token: string };
  const synced = await patient.request.post(`/api/v1/devices/${device.id}/sync`, { headers: { authorization: `Bearer ${device.token}` }, data: { samples: cgmTrace(Date.now()) } });
  expect(synced.status()).toBe(200);

  await signIn(page, 'doctor@demo.test');
  await page.goto('/doctor');
  await page.getByRole('link', { name: 'Jordan Lee' }).first().click();
  const summary = page.locator('section').filter({ has: page.getByRole('heading', { name: /Glucose, last 14 days/ }) });
  await expect(summary).toContainText('GMI');
  await expect(page.getByRole('heading', { name: 'Diabetes profile' })).toBeVisible();
  await summary.getByRole('link', { name: 'Open AGP report' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /AGP report: Jordan Lee/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Ambulatory glucose profile/ })).toBeVisible();
  await expect(page.locator('figure .recharts-area').first()).toBeVisible(); // the bands are drawn
  await expect(page.getByRole('rowheader', { name: 'Glucose management indicator (GMI)' })).toBeVisible();
  await expect(page.getByRole('group', { name: /Time in ranges\. .*In range \(70–180 mg\/dL\): \d+ %/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /readings, lowest/ }).first()).toBeVisible(); // a daily profile
  const record = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Allergies and conditions' }) });
  await expect(record).toContainText('Type 2 diabetes mellitus (E11.9)'); // the demo's record

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^glucose-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.pdf$/);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await checked(page, 'glucose-report');

  // The period picker: 30 days.
  await page.getByRole('link', { name: '30 days' }).click();
  await expect(page.getByRole('link', { name: '30 days' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText(/\(30 days\)/).first()).toBeVisible();

  // The patient's own report, from the navigation.
  await patient.goto('/dashboard');
  await patient.getByRole('link', { name: 'Report', exact: true }).click();
  await expect(patient.getByRole('heading', { level: 1, name: /AGP report: Jordan Lee/ })).toBeVisible();
  await expect(patient.getByRole('img', { name: /Ambulatory glucose profile/ })).toBeVisible();
  await checked(patient, 'patient-glucose-report');
});
