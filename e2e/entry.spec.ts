// The demo patient logs a glucose reading (with its meal context) and a mood on /entry, sees a server-side
// validation error on the field it concerns, and finds both entries on /timeline; units follow settings.
// Every patient page here passes axe (no serious or critical violations) at desktop and phone widths.
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';

// Generous limits: a dev server compiles each route on first use, and machines running tests are busy.
const expect = baseExpect.configure({ timeout: 30_000 });

const PAGES = [
  ['entry', '/entry', 'Log data'],
  ['timeline', '/timeline', 'Timeline'],
  ['settings', '/settings', 'Settings'],
  ['care-team', '/care-team', 'Care team'],
] as const;

// Signs in through next-auth's credentials endpoint (the sign-in page itself is sign-in.spec.ts's subject);
// page.request shares the browser context's cookies.
async function signIn(page: Page) {
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: 'patient@demo.test', password: 'demo-password', json: 'true' },
  });
  expect(res.ok()).toBe(true);
}

/** Collects hydration mismatches and uncaught errors in the page (a test fails on any). */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /hydrat|did not match/i.test(m.text())) problems.push(m.text().slice(0, 300));
  });
  return problems;
}

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe.configure({ timeout: 240_000 });
test.use({ navigationTimeout: 120_000 });

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test('patient logs a glucose with meal context and a mood, and sees them on the timeline', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/entry');
  await expect(page.getByRole('heading', { level: 1, name: 'Log data' })).toBeVisible();

  // Glucose is the first kind; the unit starts at the patient's preference (mg/dL).
  await expect(page.getByRole('radio', { name: 'Blood glucose' })).toBeChecked();
  await expect(page.getByLabel('Unit')).toHaveValue('mg/dL');
  await page.getByRole('textbox', { name: 'Blood glucose' }).fill('123');
  await page.getByLabel('Meal context').selectOption({ label: 'After lunch' });
  await page.getByRole('button', { name: 'Save blood glucose' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Saved: Blood glucose 123 mg/dL (after lunch)');
  await expect(page.getByRole('textbox', { name: 'Blood glucose' })).toHaveValue(''); // ready for the next one

  // A mood, chosen with the keyboard: arrow keys move through the kinds and through the scale.
  await page.getByRole('radio', { name: 'Blood glucose' }).focus();
  await page.keyboard.press('ArrowRight'); // blood pressure
  await page.keyboard.press('ArrowRight'); // weight
  await page.keyboard.press('ArrowRight'); // mood
  await expect(page.getByRole('radio', { name: 'Mood' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: /^1 · Very low/ })).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: /^4 · Good/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Note (optional)')).toBeFocused();
  await page.keyboard.type('Steady after the evening walk');
  await page.getByRole('button', { name: 'Save mood' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Saved: Mood 4 of 5');
  await expect(page.getByRole('link', { name: 'See it on the timeline' })).toHaveAttribute('href', '/timeline');

  // The API's validation reaches the field it is about.
  await page.getByRole('radio', { name: 'Blood pressure' }).locator('xpath=..').click(); // the visible pill is its label
  await expect(page.getByRole('radio', { name: 'Blood pressure' })).toBeChecked();
  await page.getByLabel(/Systolic/).fill('80');
  await page.getByLabel(/Diastolic/).fill('120');
  await page.getByRole('button', { name: 'Save blood pressure' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText('check the marked fields');
  await expect(page.getByLabel(/Diastolic/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Must be lower than systolic.')).toBeVisible();
  await expect(page.getByLabel(/Diastolic/)).toBeFocused();

  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveCount(0); // the last action failed
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(page).toHaveURL(/\/timeline$/);
  const newest = page.getByRole('listitem').first();
  await expect(newest).toContainText('Mood');
  await expect(newest).toContainText('4 of 5 · Good');
  await expect(newest).toContainText('Steady after the evening walk');
  // The demo's CGM stream may read 123 mg/dL too (whatever the hour): this is the one entered here.
  const glucose = page.getByRole('listitem').filter({ hasText: '123 mg/dL' }).filter({ hasText: 'Entered by you' });
  await expect(glucose).toHaveCount(1);
  await expect(glucose).toContainText('After lunch');
  await expect(glucose).toContainText('Entered by you');

  // Older pages load on request.
  const before = await page.getByRole('listitem').count();
  await page.getByRole('button', { name: 'Load older entries' }).click();
  await expect.poll(() => page.getByRole('listitem').count()).toBeGreaterThan(before);
  expect(problems).toEqual([]);
});

test('a unit change in settings shows on the entry form and the timeline', async ({ page }) => {
  await page.goto('/settings');
  await page.getByRole('radio', { name: 'mmol/L' }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved.');

  await page.goto('/entry');
  await expect(page.getByLabel('Unit')).toHaveValue('mmol/L');
  await page.goto('/timeline');
  await expect(page.getByRole('listitem').filter({ hasText: 'Glucose' }).first()).toContainText('mmol/L');

  await page.goto('/settings');
  await page.getByRole('radio', { name: 'mg/dL' }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved.');
});

test('the care team shows the demo doctor and caregiver with their permissions', async ({ page }) => {
  await page.goto('/care-team');
  const doctors = page.locator('section', { has: page.getByRole('heading', { name: /Doctors/ }) });
  await expect(doctors.getByText('Dr. Priya Shah')).toBeVisible();
  const caregiver = page.getByRole('listitem').filter({ hasText: 'Chris Morgan' });
  await expect(caregiver).toContainText('Can log data for you');
  await expect(caregiver).toContainText('Receives your alerts');
});

for (const [name, path, heading] of PAGES) {
  test(`${path} has no serious or critical accessibility violations (desktop and 375 px)`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `e2e/screenshots/patient-${name}.png`, fullPage: true });

    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: 'no sideways scrolling at 375 px (charts resize after the viewport)' }).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `e2e/screenshots/patient-${name}-375.png`, fullPage: true });
    expect(problems).toEqual([]);
  });
}
