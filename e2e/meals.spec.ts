// The demo patient logs a meal with a photo on /entry (the "Meal" kind), finds it on /meals with its photo
// (loaded through the photo route, decrypted), deletes it; /meals passes axe (no serious or critical
// violations) and has no sideways scroll at 375 px.
import { test, type Page } from '@playwright/test';
import { expect, seriousViolations } from './role-helpers';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function signIn(page: Page) {
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', { form: { csrfToken, email: 'patient@demo.test', password: 'demo-password', json: 'true' } });
  expect(res.ok()).toBe(true);
}

test.describe.configure({ timeout: 240_000 });
test.use({ navigationTimeout: 120_000 });

test('patient logs a meal with a photo, sees it on /meals, and deletes it', async ({ page }) => {
  await signIn(page);
  await page.goto('/entry');
  await page.waitForLoadState('networkidle');
  await page.getByRole('radio', { name: 'Meal' }).locator('xpath=..').click(); // the visible pill is its label
  await page.getByRole('combobox', { name: 'Meal' }).selectOption({ label: 'Breakfast' });
  await page.getByLabel('Carbohydrates (g)').fill('45');
  await page.getByLabel('What you ate').fill('E2E oatmeal with berries');
  await page.getByLabel('Photo').setInputFiles({ name: 'breakfast.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'Save meal' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Saved: Breakfast');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'See your meals' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meals' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: 'E2E oatmeal with berries' });
  await expect(item).toBeVisible();
  const photo = item.getByRole('img', { name: 'Photo of the breakfast' });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await expect(page.getByRole('region', { name: 'Food and glucose patterns' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(item).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await seriousViolations(page)).toEqual([]);

  page.once('dialog', (dialog) => void dialog.accept());
  await item.getByRole('button', { name: /^Delete meal: Breakfast/ }).click();
  await expect(page.getByText('E2E oatmeal with berries')).toHaveCount(0);
});
