// The patient brings an Apple Health export in through the import page (upload, then the import's
// progress to the end and its counts), then downloads their readings as CSV. The page passes axe at
// desktop and phone widths.
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';

const expect = baseExpect.configure({ timeout: 45_000 });

test.describe.configure({ timeout: 240_000 });

async function signIn(page: Page) {
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', { form: { csrfToken, email: 'patient2@demo.test', password: 'demo-password', json: 'true' } });
  expect(res.ok()).toBe(true);
}

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// A day before the demo data (30 days), so the export holds exactly what was imported.
const day = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
const EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
]>
<HealthData locale="en_US">
 <ExportDate value="${day} 20:00:00 +0000"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth=""/>
 ${Array.from({ length: 40 }, (_, i) => {
   const hh = String(6 + Math.floor(i / 4)).padStart(2, '0');
   const mm = String((i % 4) * 15).padStart(2, '0');
   return `<Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Old Watch" device="&lt;&lt;HKDevice: 0x1&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch5,1, software:9.0&gt;" unit="count/min" startDate="${day} ${hh}:${mm}:00 +0000" endDate="${day} ${hh}:${mm}:00 +0000" value="${60 + (i % 7)}"/>`;
 }).join('\n ')}
 <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Old Watch" unit="count/min" startDate="${day} 05:00:00 +0000" endDate="${day} 05:00:00 +0000" value="999"/>
</HealthData>
`;

test('a patient imports an Apple Health export, follows its progress, and exports CSV', async ({ page }) => {
  await signIn(page);
  await page.goto('/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import and export' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/patient-import.png', fullPage: true });

  await page.getByLabel('File').setInputFiles({ name: 'export.xml', mimeType: 'text/xml', buffer: Buffer.from(EXPORT) });
  await page.getByRole('button', { name: 'Import' }).click();
  const status = page.getByTestId('import-status');
  await expect(status).toContainText('Done.');
  await expect(status).toContainText('40 new, 0 already here, 1 rejected.');
  await expect(status.getByRole('progressbar', { name: 'Imported' })).toHaveAttribute('aria-valuenow', '100');
  await status.getByText('Why records were rejected').click();
  await expect(status).toContainText('HEART_RATE');
  await expect(page.getByRole('listitem').filter({ hasText: 'Apple Health' }).first()).toContainText('40 new');
  await page.screenshot({ path: 'e2e/screenshots/patient-import-done.png', fullPage: true });

  // The import's source is now a data source of the patient.
  await page.goto('/devices');
  await expect(page.getByTestId('device-item').filter({ hasText: 'Old Watch' })).toHaveCount(1);

  await page.goto('/import');
  await page.getByLabel('From', { exact: true }).fill(day);
  await page.getByLabel('To', { exact: true }).fill(day);
  const types = page.getByRole('group', { name: 'Types' });
  // Heart rate only (the form starts with steps, heart rate, glucose and weight).
  for (const name of ['Steps', 'Blood glucose', 'Weight']) await types.getByRole('checkbox', { name, exact: true }).uncheck();
  await expect(types.getByRole('checkbox', { checked: true })).toHaveCount(1);
  await expect(types.getByRole('checkbox', { name: 'Heart rate', exact: true })).toBeChecked();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe(`pulse-samples-${day}-${day}.csv`);
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString('utf8').trim().split('\r\n');
  expect(lines[0]).toBe('type,start,end,value,unit,category,source');
  expect(lines.filter((l) => l.startsWith('HEART_RATE,') && l.endsWith(',Old Watch (Apple Watch)'))).toHaveLength(40); // source: app (device)

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Import and export' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/patient-import-375.png', fullPage: true });
});
