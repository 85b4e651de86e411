// The record in the browser (issue 19): a patient adds an allergy (a severe one is listed first and
// marked), is told which field is wrong when a phone number is not one, then adds the contact; corrects a
// condition. The page passes axe (no serious or critical violations) and does not scroll sideways at 375 px.
import { test } from '@playwright/test';
import { DEV, expect, seriousViolations, signIn } from './role-helpers';

test.slow(DEV, 'next dev compiles each page and API route on first use');

test('a patient records an allergy, an emergency contact and a condition on /record', async ({ page }) => {
  test.setTimeout(DEV ? 600_000 : 180_000);
  await signIn(page, 'patient@demo.test');
  await page.goto('/record');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { name: 'My record' })).toBeVisible();

  await page.getByText('Add an allergy').click();
  await page.getByLabel('Substance').fill('Peanuts');
  await page.getByLabel('Reaction (optional)').fill('swelling of the lips');
  await page.getByLabel('Severity (optional)').selectOption('SEVERE');
  await page.getByRole('button', { name: 'Add allergy' }).click();
  const peanuts = page.getByRole('listitem').filter({ hasText: 'Peanuts' });
  await expect(peanuts).toContainText('Severe / high risk');
  await expect(peanuts).toContainText('swelling of the lips · Severe reaction');

  await page.getByText('Add an emergency contact').click();
  await page.getByLabel('Name').fill('Robin Example');
  await page.getByLabel('Relation').fill('brother');
  await page.getByLabel('Phone').fill('call me maybe');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText('Phone: must be a phone number');
  await page.getByLabel('Phone').fill('+49 30 901820');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Robin Example' })).toContainText('brother · +49 30 901820');

  await page.getByText('Add a condition').click();
  await page.getByLabel('Condition', { exact: true }).fill('Coeliac disease');
  await page.getByRole('button', { name: 'Add condition' }).click();
  const coeliac = page.getByRole('listitem').filter({ hasText: 'Coeliac disease' });
  await expect(coeliac).toContainText('Active');
  await coeliac.getByRole('button', { name: 'Edit Coeliac disease' }).click();
  const editing = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Cancel' }) });
  await editing.getByLabel('Status (optional)').selectOption('REMISSION');
  await editing.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Coeliac disease' })).toContainText('Remission');

  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 375, height: 800 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: 'no sideways scrolling at 375 px' }).toBeLessThanOrEqual(375);
  expect(await seriousViolations(page)).toEqual([]);
});
