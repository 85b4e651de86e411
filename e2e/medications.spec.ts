// Medications (issue 19): the demo patient (Alex Morgan) adds two medications with a daily time one
// minute ahead of now in their own zone (read from the page), so the dose is "due" whatever the hour the
// test runs at (a dose is due from an hour before its time); a bad form shows the API's field error next
// to its field. Once the dose's time has passed the patient marks one Taken, sees it taken and the
// adherence streak count it, and stops it (confirmed). Then the caregiver with log permission for Alex
// opens Alex's medications page and logs the other due dose. Both pages pass axe, at 1280 and 375 px.
import { test, type Page } from '@playwright/test';
import { DEV, expect, seriousViolations, signIn } from './role-helpers';

test.slow(DEV, 'next dev compiles each page and API route on first use');

async function checkPage(page: Page, screenshot: string) {
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 375, height: 800 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: 'no sideways scrolling at 375 px' }).toBeLessThanOrEqual(375);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `e2e/screenshots/${screenshot}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** "HH:MM" of an instant in a zone. */
const clockIn = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));

async function addMedication(page: Page, name: string, time: string) {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add medication' }) });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Dose (e.g. 1 tablet, 10 units)').fill('1 tablet');
  await form.getByLabel('Strength (optional, e.g. 500 mg)').fill('500 mg');
  await form.getByRole('radio', { name: 'At set times every day' }).check();
  await form.getByLabel(/^Times/).fill(time);
  await form.getByRole('button', { name: 'Add medication' }).click();
  await expect(form.getByRole('status')).toContainText(`Saved: ${name}`);
}

test('patient adds a medication due now and takes it; a caregiver with log permission logs a due dose', async ({ page, browser }) => {
  test.setTimeout(DEV ? 600_000 : 240_000);
  const suffix = Date.now().toString(36);
  const mine = `E2E Metformin ${suffix}`;
  const theirs = `E2E Vitamin D ${suffix}`;

  await signIn(page, 'patient@demo.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Medications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Medications' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const zone = (await page.locator('[data-time-zone]').getAttribute('data-time-zone')) ?? 'UTC';

  // Bad input: the API's 422 shows next to its field, nothing is added.
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add medication' }) });
  await form.getByLabel('Dose (e.g. 1 tablet, 10 units)').fill('1 tablet');
  await form.getByRole('button', { name: 'Add medication' }).click();
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');

  // The next whole minute in the patient's zone: after the medication is added, so its dose is planned,
  // and due at once (a dose is due from an hour before its time).
  const doseAt = Math.ceil((Date.now() + 1_000) / 60_000) * 60_000;
  const time = clockIn(doseAt, zone);
  await addMedication(page, mine, time);
  await addMedication(page, theirs, time);

  const due = page.getByRole('list', { name: 'Doses due now' });
  await expect(due.getByTestId('due-dose').filter({ hasText: mine })).toContainText(`at ${time}`);
  await expect(due.getByTestId('due-dose').filter({ hasText: theirs })).toBeVisible();
  await expect(page.getByTestId('medication-list')).toContainText(`${time} every day`);
  await expect(page.getByTestId('medication-list')).toContainText('Added by you');

  // Taken once its time has come, so adherence counts it (a dose counts from its planned time).
  await page.waitForTimeout(Math.max(0, doseAt - Date.now() + 2_000));
  await page.getByRole('button', { name: `Taken: ${mine}` }).click();
  await expect(due.getByTestId('due-dose').filter({ hasText: mine })).toHaveCount(0);
  await expect(page.getByTestId('todays-doses').getByRole('listitem').filter({ hasText: mine })).toContainText('Taken');
  await expect(page.getByTestId('current-streak')).toHaveText(/^[1-9]\d*$/);
  await expect(page.getByTestId('adherence')).toContainText('100 %');
  await checkPage(page, 'medications-patient');

  // Stop asks first; the record stays, marked stopped.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: `Stop ${mine}` }).click();
  await expect(page.getByTestId('medication-list').getByRole('listitem').filter({ hasText: mine })).toContainText('Stopped');

  // The caregiver with log permission for Alex logs the other due dose.
  const context = await browser.newContext();
  const carer = await context.newPage();
  await signIn(carer, 'caregiver@demo.test');
  await carer.goto('/caregiver');
  await carer.getByTestId('cared-for').filter({ hasText: 'Alex Morgan' }).getByRole('link', { name: 'Alex Morgan' }).click();
  await carer.getByRole('link', { name: 'Medications and doses' }).click();
  await expect(carer.getByRole('heading', { level: 1, name: 'Medications of Alex Morgan' })).toBeVisible();
  await carer.waitForLoadState('networkidle');
  const carerDue = carer.getByRole('list', { name: 'Doses due now' });
  await expect(carerDue.getByTestId('due-dose').filter({ hasText: theirs })).toBeVisible();
  await expect(carer.getByRole('button', { name: 'Add medication' })).toHaveCount(0);
  await carer.getByRole('button', { name: `Taken: ${theirs}` }).click();
  await expect(carer.getByTestId('todays-doses').getByRole('listitem').filter({ hasText: theirs })).toContainText('Taken');
  await checkPage(carer, 'medications-caregiver');
  await context.close();
});

test('the doctor prescribes a critical medication, changes its dose and time and stops it', async ({ page }) => {
  test.setTimeout(DEV ? 600_000 : 180_000);
  const name = `E2E Insulin glargine ${Date.now().toString(36)}`;
  await signIn(page, 'doctor@demo.test');
  await page.goto('/doctor');
  await page.getByRole('link', { name: 'Jordan Lee' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jordan Lee' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const card = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Medications and adherence' }) });
  await card.locator('summary', { hasText: 'Prescribe' }).click();
  await card.getByLabel('Name').fill(name);
  await card.getByLabel('Dose (e.g. 1 tablet, 10 units)').fill('10 units');
  await card.getByLabel(/^Times/).fill('21:00');
  await card.getByLabel(/Critical \(e\.g\. insulin\)/).check();
  await card.getByRole('button', { name: 'Prescribe' }).click();
  await expect(card.getByRole('status')).toContainText(`Saved: ${name}`);
  const row = card.getByRole('listitem').filter({ hasText: name }).filter({ has: page.getByRole('button', { name: `Stop ${name}` }) });
  await expect(row).toContainText('10 units · 21:00 every day');
  await expect(row).toContainText('Critical');
  expect(await seriousViolations(page)).toEqual([]);

  await row.getByRole('button', { name: `Change dose or times of ${name}` }).click();
  await row.getByLabel(`New dose of ${name}`).fill('12 units');
  await row.getByRole('textbox', { name: `Times of ${name} (24-hour, e.g. 08:00, 20:00)`, exact: true }).fill('21:30');
  await row.getByRole('button', { name: 'Save change' }).click();
  await expect(row).toContainText('12 units · 21:30 every day');

  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: `Stop ${name}` }).click();
  await expect(card.getByRole('button', { name: `Stop ${name}` })).toHaveCount(0);
});

// The reminder loop end to end: Alex's dose falls due, the sweep (run from the admin's pipeline page, as
// the timer would) sends the reminder, and the caregiver who logs for Alex follows it from the notification
// center to Alex's medications and logs the dose taken.
test('a caregiver logs a dose from its reminder in the notification center', async ({ page, browser }) => {
  test.setTimeout(DEV ? 600_000 : 240_000);
  const name = `E2E Amlodipine ${Date.now().toString(36)}`;
  await signIn(page, 'patient@demo.test');
  await page.goto('/medications');
  await expect(page.getByRole('heading', { level: 1, name: 'Medications' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const zone = (await page.locator('[data-time-zone]').getAttribute('data-time-zone')) ?? 'UTC';
  const doseAt = Math.ceil((Date.now() + 1_000) / 60_000) * 60_000;
  const time = clockIn(doseAt, zone);
  await addMedication(page, name, time);
  await page.waitForTimeout(Math.max(0, doseAt - Date.now() + 2_000));

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@demo.test');
  await admin.goto('/admin/pipeline');
  const sweep = admin.getByRole('row').filter({ has: admin.getByText('Sweep', { exact: true }) });
  await sweep.getByRole('button', { name: /: Sweep$/ }).click();
  await expect(sweep.getByRole('status')).toHaveText('Finished successfully.', { timeout: 60_000 });
  await admin.context().close();

  const context = await browser.newContext();
  const carer = await context.newPage();
  await signIn(carer, 'caregiver@demo.test');
  await carer.goto('/notifications');
  const reminder = carer.getByTestId('notification').filter({ hasText: `Medicines due for Alex Morgan (${time})` }).filter({ hasText: name });
  await expect(reminder).toHaveCount(1);
  await expect(reminder).toContainText('Medication');
  await reminder.getByRole('link', { name: 'Open Alex Morgan’s page' }).click();
  await expect(carer).toHaveURL(/\/caregiver\/patients\/[0-9a-f-]+\/medications$/);
  await expect(carer.getByRole('heading', { level: 1, name: 'Medications of Alex Morgan' })).toBeVisible();
  await carer.getByRole('button', { name: `Taken: ${name}` }).click();
  await expect(carer.getByTestId('todays-doses').getByRole('listitem').filter({ hasText: name })).toContainText('Taken');
  await context.close();

  // Alex sees who logged it; the medication is stopped again so later runs start clean.
  await page.reload();
  await expect(page.getByTestId('todays-doses').getByRole('listitem').filter({ hasText: name })).toContainText('Taken');
  await expect(page.getByTestId('todays-doses').getByRole('listitem').filter({ hasText: name })).toContainText('by Chris');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: `Stop ${name}` }).click();
  await expect(page.getByTestId('medication-list').getByRole('listitem').filter({ hasText: name })).toContainText('Stopped');
});
