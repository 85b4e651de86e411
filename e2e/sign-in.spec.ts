// The demo patient signs in and sees the signed-in page; a wrong password is refused with a message.
import { expect, test } from '@playwright/test';

test('demo patient signs in and sees who they are', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Pulse' })).toBeVisible();
  await expect(page.getByText('patient@demo.test').first()).toBeVisible();
  await page.getByRole('link', { name: 'Sign in' }).click();

  await page.getByLabel('E-mail').fill('patient@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: /Welcome, Alex Morgan/ })).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toContainText('patient@demo.test (patient)');
  await page.screenshot({ path: 'e2e/screenshots/signed-in.png', fullPage: true });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill('patient@demo.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('E-mail or password is not right.');
  await expect(page).toHaveURL(/\/login$/);
});
