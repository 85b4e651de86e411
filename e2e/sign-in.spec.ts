// Signing in lands each role on its own home (a patient on "Today"); a signed-in visit to / goes there
// too; signing out ends the session on the server; a wrong password is refused with a message. The public pages pass axe at desktop and phone width.
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';

// Generous waits: the first visit of a route may compile it (E2E_DEV), and test machines can be busy.
const expect = baseExpect.configure({ timeout: 20_000 });

test.describe.configure({ timeout: 120_000 });

/** The login form submits through JavaScript: wait until React has hydrated it. */
async function waitForHydratedForm(page: Page) {
  await page.waitForFunction(() => {
    const form = document.querySelector('form');
    return !!form && Object.keys(form).some((k) => k.startsWith('__reactProps'));
  });
}

test('demo patient signs in and lands on today at a glance', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Pulse' })).toBeVisible();
  await expect(page.getByText('patient@demo.test').first()).toBeVisible();
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await waitForHydratedForm(page);
  await page.getByLabel('E-mail').fill('patient@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 45_000 });
  await expect(page.getByRole('heading', { name: /Welcome, Alex Morgan/ })).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toContainText('Alex Morgan');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/signed-in.png', fullPage: true });

  // Signed in, the landing page sends the patient home.
  await page.goto('/');
  await expect(page).toHaveURL(/\/dashboard$/);

  // Signing out ends the session on the server: a copy of the cookie kept from before (sent from a
  // request context of its own, which has no cookie jar of the page's) is refused.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  expect((await request.get('/api/v1/users/me', { headers: { cookie } })).status()).toBe(200);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  expect((await request.get('/api/v1/users/me', { headers: { cookie } })).status()).toBe(401);
});

for (const [email, home] of [['doctor@demo.test', '/doctor'], ['caregiver@demo.test', '/caregiver'], ['admin@demo.test', '/admin']] as const) {
  test(`${email} lands on ${home}`, async ({ page }) => {
    await page.goto('/login');
    await waitForHydratedForm(page);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`${home}$`), { timeout: 45_000 });
    // The patient's own pages are not theirs: they are sent home.
    await page.goto('/dashboard');
    await expect(page).toHaveURL(new RegExp(`${home}$`));
  });
}

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/login');
  await waitForHydratedForm(page);
  await page.getByLabel('E-mail').fill('patient@demo.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('E-mail or password is not right.');
  await expect(page).toHaveURL(/\/login$/);
});

for (const [name, path, heading] of [['landing', '/', 'Pulse'], ['login', '/login', 'Sign in'], ['developers', '/developers', 'Integrator guide']] as const) {
  test(`the ${name} page is accessible and fits a phone`, async ({ page }) => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `e2e/screenshots/${name}${width === 375 ? '-375' : ''}.png`, fullPage: true });
    }
  });
}
