// The admin pages in a real browser: every page passes axe (no serious or critical violations) at
// desktop width and fits a 375 px phone (tables scroll inside their card); revoking a patient's device
// in the UI makes its token's next sync answer 401 at once; revoking a link share makes the link answer
// 404 at once and lists it as revoked;
// "Run now" shows the run's progress to its end.
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';

// Page loads may compile on first visit (E2E_DEV) or run on a busy machine: wait longer than 5 s.
const expect = baseExpect.configure({ timeout: 45_000 });

const PAGES = [
  ['overview', '/admin', 'Administration'],
  ['users', '/admin/users', 'Users'],
  ['devices', '/admin/devices', 'Devices'],
  ['shares', '/admin/shares', 'Shares'],
  ['pipeline', '/admin/pipeline', 'Pipeline'],
  ['audit', '/admin/audit', 'Audit log'],
  ['outbox', '/admin/outbox', 'Mail outbox'], // demo mode: the development outbox
] as const;

/**
 * Signs the page's browser context in through next-auth's credentials endpoint (the context's request
 * shares its cookies), then opens the role's home. The sign-in form itself is covered by sign-in.spec.ts;
 * this cannot be raced by a form submitted before hydration on a slow machine.
 */
async function signIn(page: Page, email: string, home: string) {
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password: 'demo-password', json: 'true' } });
  expect(res.ok()).toBe(true);
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`${home}$`));
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test.describe('admin', () => {
  test.describe.configure({ timeout: 180_000 });
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'admin@demo.test', '/admin');
  });

  for (const [name, path, heading] of PAGES) {
    test(`${name} page: accessible, full-page screenshot, fits 375 px`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `e2e/screenshots/admin-${name}.png`, fullPage: true });

      await page.setViewportSize({ width: 375, height: 800 });
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: 'the page must not scroll sideways at 375 px' })
        .toBeLessThanOrEqual(0);
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `e2e/screenshots/admin-${name}-375.png`, fullPage: true });
    });
  }

  test("revoking a patient's device in the UI makes its token's next sync answer 401", async ({ page, browser, request }) => {
    // The patient registers a device in their own browser session, so the test holds a working token.
    const patientContext = await browser.newContext();
    const patientPage = await patientContext.newPage();
    await signIn(patientPage, 'patient@demo.test', '/dashboard');
    const name = `E2E band ${Date.now()}`;
    const registered = await patientPage.request.post('/api/v1/devices', { data: { name, type: 'wearable' } });
    expect(registered.status()).toBe(201);
    const device = (await registered.json()) as { id: string; token: string };
    await patientContext.close();

    const sync = () => {
      const at = new Date().toISOString();
      return request.post(`/api/v1/devices/${device.id}/sync`, {
        headers: { authorization: `Bearer ${device.token}` },
        data: { samples: [{ type: 'HEART_RATE', value: 64, unit: 'count/min', startDate: at, endDate: at }] },
      });
    };
    expect((await sync()).status()).toBe(200);

    await page.goto('/admin/devices');
    await page.getByLabel('Owner e-mail or device name').fill(name);
    await page.getByLabel('Owner e-mail or device name').press('Enter');
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('patient@demo.test');
    await row.getByRole('button', { name: `Revoke ${name} of patient@demo.test` }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this device?' });
    await expect(dialog).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Revoke device' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'is revoked' })).toBeVisible();
    await expect(row.getByText(/^Revoked/)).toBeVisible();

    const refused = await sync();
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe('UNAUTHORIZED');
  });

  test('revoking a link share in the UI makes the link answer 404 at once, and lists it as revoked', async ({ page, browser }) => {
    // The patient makes a link share over the API in their own session; its day range is unique to this run.
    const patientContext = await browser.newContext();
    const patientPage = await patientContext.newPage();
    await signIn(patientPage, 'patient@demo.test', '/dashboard');
    const to = new Date(Date.UTC(2020, 0, 2) + (Date.now() % 360) * 86_400_000).toISOString().slice(0, 10);
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const created = await patientPage.request.post('/api/v1/shares', { data: { types: ['WEIGHT'], from: '2020-01-01', to, expiresAt } });
    expect(created.status()).toBe(201);
    const { code } = (await created.json()) as { code: string };
    await patientContext.close();

    // Someone holding the link opens it.
    const visitor = await browser.newContext();
    const viewer = await visitor.newPage();
    expect((await viewer.goto(`/share/${code}`))?.status()).toBe(200);
    await expect(viewer).toHaveURL(/\/shared$/);

    await page.goto('/admin/shares?patient=patient%40demo.test&status=active');
    await expect(page.getByLabel('Patient e-mail')).toHaveValue('patient@demo.test');
    const row = page.getByRole('row').filter({ hasText: 'Anyone with the link' }).filter({ hasText: `2020-01-01 – ${to}` });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('patient@demo.test');
    await expect(row).toContainText('Weight');
    await expect(row).toContainText('Active');
    await row.getByRole('button', { name: 'Revoke the share of patient@demo.test' }).click();
    await page.getByRole('dialog', { name: 'Revoke this share?' }).getByRole('button', { name: 'Revoke share' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'is revoked' })).toBeVisible();

    // At once: the visitor's next request and the link itself are the plain 404.
    expect((await viewer.reload())?.status()).toBe(404);
    expect((await viewer.goto(`/share/${code}`))?.status()).toBe(404);
    await visitor.close();

    // Listed among the revoked shares, also after a reload (the server's state, not the client's).
    await page.getByLabel('Status').selectOption('revoked');
    await expect(page).toHaveURL(/status=revoked/);
    await page.reload();
    const revoked = page.getByRole('row').filter({ hasText: 'Anyone with the link' }).filter({ hasText: `2020-01-01 – ${to}` });
    await expect(revoked).toHaveCount(1);
    await expect(revoked).toContainText('Revoked');
    await expect(revoked.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
  });

  test('"Run now" on the sweep shows the run in progress, then its outcome', async ({ page }) => {
    await page.goto('/admin/pipeline');
    const row = page.getByRole('row').filter({ has: page.getByText('Sweep', { exact: true }) });
    await row.getByRole('button', { name: /: Sweep$/ }).click();
    await expect(row.getByRole('status')).toHaveText(/Starting|Queued|Running|Finished/);
    await expect(row.getByRole('status')).toHaveText('Finished successfully.', { timeout: 30_000 });
    await expect(row.getByText('succeeded')).toBeVisible();
  });
});
