// Shared by the role specs (caregiver, doctor): generous waits under `next dev`, sign-in through the form,
// and axe's serious and critical violations.
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, type Page } from '@playwright/test';

// Under `next dev` (E2E_DEV=1) pages and API routes compile on first use: allow for it rather than race it.
export const DEV = process.env.E2E_DEV === '1';
export const expect = baseExpect.configure({ timeout: DEV ? 60_000 : 20_000 });

export async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.waitForLoadState('networkidle'); // hydrated, so the form signs in instead of submitting natively
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in, the landing page sends each role on to its home.
  await page.waitForURL((url) => url.pathname !== '/login', { timeout: DEV ? 90_000 : 30_000 });
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

export async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
