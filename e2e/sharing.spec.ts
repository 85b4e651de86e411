// Patient-controlled sharing in a real browser: the patient makes a link share of their steps on the
// care-team page and copies the link once (/share#code); a fresh browser opens it and sees only steps,
// with no request carrying the code in its URL or Referer (only the one exchange, in its body) and the
// code gone from the address bar; an older /share/{code} link still opens; the patient revokes it and
// the viewer and the link stop right away. A share to doctor@demo.test appears on the doctor's "Shared
// with you" page. Accessible (axe: no serious or critical violations), no sideways scrolling at 375 px.
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';

// Page loads may compile on first visit (E2E_DEV) or run on a busy machine: wait longer than 5 s.
const expect = baseExpect.configure({ timeout: 45_000 });

test.describe.configure({ mode: 'serial', timeout: 240_000 });

async function signIn(page: Page, email: string, home: string) {
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password: 'demo-password', json: 'true' } });
  expect(res.ok()).toBe(true);
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`${home}$`));
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  await page.setViewportSize({ width: 375, height: 800 });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: 'the page must not scroll sideways at 375 px' })
    .toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function openCareTeam(page: Page) {
  await page.goto('/care-team');
  await expect(page.getByRole('heading', { level: 1, name: 'Care team' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
  // The form works once React has hydrated it.
  await page.waitForFunction(() => {
    const form = document.querySelector('form[aria-label="Create a share"]');
    return !!form && Object.keys(form).some((k) => k.startsWith('__reactProps'));
  });
}

test('a link share shows only what was shared, and stops at once when revoked', async ({ page, browser }) => {
  await signIn(page, 'patient@demo.test', '/dashboard');
  await openCareTeam(page);
  const form = page.getByRole('form', { name: 'Create a share' });
  await expect(form.getByRole('checkbox', { name: 'Steps' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Heart rate', exact: true })).not.toBeChecked();
  await form.getByRole('button', { name: 'Create share' }).click();

  const panel = page.getByTestId('share-link-panel');
  await expect(panel.getByRole('heading', { name: 'Copy the link now' })).toBeVisible();
  const link = await panel.getByLabel('Link with access code').inputValue();
  expect(link).toMatch(/\/share#[A-Za-z0-9_-]{43}$/);
  const code = link.split('#')[1]!;
  await expect(panel.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/screenshots/patient-sharing.png', fullPage: true });
  await panel.getByRole('button', { name: 'I have saved the link' }).click();
  await expect(panel).toHaveCount(0);
  const mine = page.getByTestId('share-item').filter({ hasText: 'Anyone with the link' }).first();
  await expect(mine).toContainText('Active');
  await expect(mine).toContainText('Steps');
  await expectNoSidewaysScroll(page);

  // Someone else, in a browser that never signed in, opens the link.
  const visitor = await browser.newContext();
  const viewer = await visitor.newPage();
  const sent: { url: string; referer: string; body: string }[] = [];
  viewer.on('request', (request) => sent.push({ url: request.url(), referer: request.headers()['referer'] ?? '', body: request.postData() ?? '' }));
  const opened = await viewer.goto(link);
  expect(opened?.status()).toBe(200);
  expect(opened?.headers()['referrer-policy']).toBe('no-referrer');
  await expect(viewer).toHaveURL(/\/shared$/);
  expect(viewer.url()).not.toContain(code);
  expect(sent.filter((r) => r.url.includes(code) || r.referer.includes(code))).toEqual([]);
  expect(sent.filter((r) => r.body.includes(code)).map((r) => new URL(r.url).pathname)).toEqual(['/share/exchange']);
  await expect(viewer.getByRole('heading', { level: 1, name: 'Health data of Alex Morgan' })).toBeVisible();
  await expect(viewer.getByRole('heading', { level: 2, name: 'Steps' })).toBeVisible();
  await expect(viewer.getByRole('heading', { level: 2 })).toHaveCount(1);
  await expectNoSeriousAxeViolations(viewer);
  await viewer.screenshot({ path: 'e2e/screenshots/shared-view.png', fullPage: true });
  await expectNoSidewaysScroll(viewer);

  // The older form of the same link still opens the viewer.
  const older = await browser.newContext();
  const olderPage = await older.newPage();
  expect((await olderPage.goto(`/share/${code}`))?.status()).toBe(200);
  await expect(olderPage).toHaveURL(/\/shared$/);
  await expect(olderPage.getByRole('heading', { level: 1, name: 'Health data of Alex Morgan' })).toBeVisible();
  await older.close();

  // The patient revokes it (confirmed): the visitor's very next request is a 404, and the link (either
  // form) opens nothing.
  await mine.getByRole('button', { name: 'Revoke the share with anyone with the link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke this share?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Revoke share' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('share-item').filter({ hasText: 'Anyone with the link' }).first()).toContainText('Revoked');

  expect((await viewer.reload())?.status()).toBe(404);
  await viewer.goto(link);
  await expect(viewer.getByRole('heading', { level: 1, name: 'This link is not available' })).toBeVisible();
  expect(viewer.url()).not.toContain(code);
  await expectNoSeriousAxeViolations(viewer);
  expect((await viewer.goto(`/share/${code}`))?.status()).toBe(404);
  await visitor.close();
});

test("a share with doctor@demo.test appears on the doctor's shared list", async ({ page, browser }) => {
  await signIn(page, 'patient@demo.test', '/dashboard');
  await openCareTeam(page);
  const form = page.getByRole('form', { name: 'Create a share' });
  await form.getByRole('checkbox', { name: 'Heart rate', exact: true }).check();
  await form.getByLabel('Share with (optional)').fill('doctor@demo.test');
  await form.getByRole('button', { name: 'Create share' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Shared with / })).toBeVisible();
  await expect(page.getByTestId('share-item').first()).toContainText('doctor@demo.test');

  const doctorContext = await browser.newContext();
  const doctor = await doctorContext.newPage();
  await signIn(doctor, 'doctor@demo.test', '/doctor');
  await doctor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared with you' }).click();
  await expect(doctor.getByRole('heading', { level: 1, name: 'Shared with you' })).toBeVisible();
  const received = doctor.getByTestId('received-share').filter({ hasText: 'Alex Morgan' }).filter({ hasText: 'Steps, Heart rate' }).first();
  await expect(received).toBeVisible();
  await expectNoSeriousAxeViolations(doctor);
  await expectNoSidewaysScroll(doctor);
  await received.getByRole('link', { name: 'View Alex Morgan’s shared data' }).click();
  await expect(doctor.getByRole('heading', { level: 1, name: 'Alex Morgan' })).toBeVisible();
  await expect(doctor.getByRole('heading', { level: 2, name: 'Steps' })).toBeVisible();
  await expect(doctor.getByRole('heading', { level: 2, name: 'Heart rate' })).toBeVisible();
  await expectNoSeriousAxeViolations(doctor);
  await doctorContext.close();
});
