// The demo patient answers the GAD-7 with the keyboard only: Tab to the first question's options, arrow
// keys (or Space) to choose, Enter to go on, Back from a later question (the earlier answer kept), progress
// "n of 7", then the result in plain words; the result is listed on /questionnaires with its trend. Both
// pages pass axe (no serious or critical violations).
import { test, type Page } from '@playwright/test';
import { expect, seriousViolations } from './role-helpers';

async function signIn(page: Page) {
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', { form: { csrfToken, email: 'patient@demo.test', password: 'demo-password', json: 'true' } });
  expect(res.ok()).toBe(true);
}

const OPTIONS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

/** Chooses option `value` of the focused question's radio group with the keyboard (the first option focused). */
async function choose(page: Page, value: number) {
  if (value === 0) await page.keyboard.press('Space');
  for (let i = 0; i < value; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: OPTIONS[value] })).toBeChecked();
}

test.describe.configure({ timeout: 240_000 });
test.use({ navigationTimeout: 120_000 });

test('the patient takes the GAD-7 with the keyboard only and sees the result', async ({ page }) => {
  await signIn(page);
  await page.goto('/questionnaires/gad7');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1, name: /GAD-7/ })).toBeVisible();
  await expect(page.getByText('Question 1 of 7')).toBeVisible();
  await expect(page.getByText('Over the last 2 weeks, how often have you been bothered by the following problems?')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Tab to the first option of the first question.
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio')) break;
  }
  await expect(page.getByRole('radio', { name: 'Not at all' })).toBeFocused();

  const answers = [1, 1, 2, 0, 1, 1, 0]; // 6: mild
  await expect(page.getByRole('group', { name: 'Feeling nervous, anxious, or on edge' })).toBeVisible();
  await choose(page, answers[0]!);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Question 2 of 7')).toBeVisible();
  await choose(page, answers[1]!);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Question 3 of 7')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Worrying too much about different things' })).toBeVisible();

  // Back (Tab from the options to the Back button, Enter): question 2 with its answer kept and focused.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Back' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Question 2 of 7')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Several days' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Several days' })).toBeFocused();
  await page.keyboard.press('Enter');

  for (let i = 2; i < 7; i++) {
    await expect(page.getByText(`Question ${i + 1} of 7`)).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Not at all' })).toBeFocused();
    await choose(page, answers[i]!);
    await page.keyboard.press('Enter');
  }

  const result = page.getByRole('region', { name: 'Your GAD-7 result' });
  await expect(result).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your GAD-7 result' })).toBeFocused();
  await expect(result).toContainText('Score 6 of 21: mild.');
  await expect(result).toContainText('Your score suggests mild anxiety. This is a screening result, not a diagnosis; consider talking to your care team.');
  expect(await seriousViolations(page)).toEqual([]);

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Back to questionnaires' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Questionnaires' })).toBeVisible();
  await expect(page.locator('section').filter({ has: page.getByRole('heading', { name: 'Your GAD-7 results' }) })).toContainText('6 of 21, mild ('); // the demo patient has earlier GAD-7 answers
  await expect(page.getByRole('img', { name: /GAD-7 scores: \d+ results?, latest 6 of 21 \(mild\)/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
