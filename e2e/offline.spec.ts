// The offline app (issue 22): the demo patient opens the dashboard, the dose log and "Log data" online (the
// service worker installs and controls the page; encrypted snapshots are kept), then the browser goes
// offline. A glucose reading, a meal (its photo is not kept, and the form says so) and a dose (an as-needed
// medication's extra dose, so no hour of the day matters) are logged, show as waiting, and survive a
// reload, which the service worker answers with the data-free app shell; the dashboard shows its snapshot
// with its age. No Cache Storage entry holds the reading, the meal, the dose or the patient's name. Back
// online the queue sends all three (waiting list empty) and each is stored exactly once. Signing out then
// leaves no cache, key or queue behind.
import { test, type Page } from '@playwright/test';
import { DEV, expect, signIn } from './role-helpers';

test.use({ navigationTimeout: DEV ? 120_000 : 30_000 });
test.describe.configure({ timeout: DEV ? 600_000 : 90_000 });

/** Whether this browser holds the current user's sealed snapshot `name` (IndexedDB, lib/offline/idb.ts). */
function hasSnapshot(page: Page, name: string) {
  return page.evaluate(
    (snapshot) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('pulse-offline');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('meta')) return resolve(false);
          const user = db.transaction('meta').objectStore('meta').get('current');
          user.onsuccess = () => {
            const found = db.transaction('snapshots').objectStore('snapshots').getKey(`${user.result}:${snapshot}`);
            found.onsuccess = () => resolve(found.result !== undefined);
          };
        };
      }),
    name,
  );
}

/** Every Cache Storage entry of the origin: its cache, URL and body (bytes read as Latin-1). */
function cacheEntries(page: Page) {
  return page.evaluate(async () => {
    const entries: { cache: string; url: string; text: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const bytes = new Uint8Array(await response!.arrayBuffer());
        entries.push({ cache: name, url: new URL(request.url).pathname, text: new TextDecoder('latin1').decode(bytes) });
      }
    }
    return entries;
  });
}

test('entries, meals and doses logged offline wait on the device, encrypted, and sync once back online', async ({ page, context }) => {
  const suffix = Date.now().toString(36);
  const medication = `E2E Inhaler ${suffix}`;
  const mealText = `E2E offline thali ${suffix}`;
  const reading = '137'; // mg/dL: in range, so it raises no alert; the demo's CGM readings are not "Entered by you"

  await signIn(page, 'patient@demo.test');
  const added = await page.request.post('/api/v1/users/me/medications', { data: { name: medication, dose: '2 puffs', schedule: { kind: 'asNeeded' } } });
  expect(added.status()).toBe(201);

  // Online once: each page keeps its snapshot; the worker, installed on the first, controls the next ones
  // (a page that started loading before the worker was active is not claimed) and has cached the shell.
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome/ })).toBeVisible();
  await expect.poll(() => hasSnapshot(page, 'dashboard')).toBe(true);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.goto('/medications');
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await expect.poll(() => page.evaluate(async () => !!(await caches.match('/offline')))).toBe(true);
  await expect(page.getByRole('button', { name: `Took an extra dose of ${medication}` })).toBeVisible();
  await expect.poll(() => hasSnapshot(page, 'medications')).toBe(true);
  await page.goto('/entry');
  await expect(page.getByRole('heading', { level: 1, name: 'Log data' })).toBeVisible();
  await expect.poll(() => hasSnapshot(page, 'entry')).toBe(true);

  await context.setOffline(true);

  // A glucose reading on the page already open: kept on the device, shown as waiting. Taken 20 minutes ago
  // (the browser's wall clock), so it is not the latest reading when another spec sends one "just now".
  const takenAt = await page.evaluate(() => {
    const d = new Date(Date.now() - 20 * 60_000);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  });
  await page.getByRole('textbox', { name: 'Blood glucose' }).fill(reading);
  await page.getByLabel('When').fill(takenAt);
  await page.getByLabel('Meal context').selectOption({ label: 'After lunch' });
  await page.getByRole('button', { name: 'Save blood glucose' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toContainText(`Blood glucose ${reading} mg/dL (after lunch)`);
  const waiting = page.getByTestId('waiting-to-sync');
  await expect(waiting.getByRole('heading')).toHaveText('Waiting to sync (1)');

  // A meal on the same page: kept on the device without its photo (a photo needs the network).
  await page.getByRole('radio', { name: 'Meal' }).locator('xpath=..').click(); // the visible pill is its label
  await page.getByRole('combobox', { name: 'Meal' }).selectOption({ label: 'Lunch' });
  await page.getByLabel('Carbohydrates (g)').fill('58.5');
  await page.getByLabel('What you ate').fill(mealText);
  await page.getByLabel('When').fill(takenAt);
  await page.getByLabel('Photo').setInputFiles({ name: 'lunch.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
  await page.getByRole('button', { name: 'Save meal' }).click();
  const mealSaved = page.getByRole('status').filter({ hasText: 'Saved on this device: Lunch' });
  await expect(mealSaved).toContainText('Lunch, 58.5 g carbohydrates');
  await expect(mealSaved).toContainText('Its photo was not kept');
  await expect(waiting.getByRole('heading')).toHaveText('Waiting to sync (2)');

  // The dose log, reached offline: the shell shows it from its snapshot, with its age.
  await page.goto('/medications');
  await expect(page.getByRole('heading', { level: 1, name: 'Medications' })).toBeVisible();
  await expect(page.getByTestId('snapshot-age')).toContainText('Last synced');
  await page.getByRole('button', { name: `Took an extra dose of ${medication}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
  await expect(waiting.getByRole('heading')).toHaveText('Waiting to sync (3)');

  // A reload offline: the shell again, all three items still waiting.
  await page.reload();
  await expect(waiting.getByRole('heading')).toHaveText('Waiting to sync (3)');
  await expect(waiting).toContainText(`Blood glucose ${reading} mg/dL (after lunch)`);
  await expect(waiting).toContainText('Lunch, 58.5 g carbohydrates');
  await expect(waiting).toContainText(`${medication} 2 puffs: taken`);
  await expect(waiting).toContainText('You are offline.');

  // The dashboard offline: the last data it showed online, with its age.
  await page.goto('/dashboard');
  await expect(page.getByTestId('snapshot-age')).toContainText(/Last synced .*ago|Last synced now/);
  await expect(page.getByRole('heading', { name: 'Glucose', exact: true })).toBeVisible();

  // Cache Storage holds the shell and the build's files only: no reading, dose or name.
  const entries = await cacheEntries(page);
  expect(entries.map((e) => e.url)).toContain('/offline');
  for (const { url, text } of entries) {
    expect(url, 'only the shell, build assets, icons and the manifest are cached').toMatch(/^\/(offline|manifest\.webmanifest|icons\/[\w.-]+|_next\/static\/.+)$/);
    for (const secret of [`${reading} mg/dL`, `"value":${reading}`, mealText, medication, 'Alex Morgan']) expect(text, `${url} must not hold "${secret}"`).not.toContain(secret);
  }

  // Back online: the queue sends all three by itself and the waiting list empties.
  await context.setOffline(false);
  await expect(waiting).toHaveCount(0, { timeout: 30_000 });

  // Each is stored once (the replayed Idempotency-Key would make a resend a replay, never a copy).
  await page.goto('/timeline');
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: `${reading} mg/dL` }).filter({ hasText: 'Entered by you' })).toHaveCount(1);
  await expect(page.getByRole('listitem').filter({ hasText: medication })).toHaveCount(1);
  await page.goto('/meals');
  await expect(page.getByRole('heading', { level: 1, name: 'Meals' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: mealText })).toHaveCount(1);

  // Signing out leaves nothing behind: no cache, no key, no queue (nothing waits, so nothing is asked).
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  expect(await page.evaluate(() => caches.keys())).toEqual([]);
  const left = await page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('pulse-offline');
      open.onsuccess = () => resolve(open.result);
    });
    const keys = await new Promise<number>((resolve) => {
      const count = db.transaction('keys').objectStore('keys').count();
      count.onsuccess = () => resolve(count.result);
    });
    return { queues: names.filter((n) => n.startsWith('pulse-offline-queue:')), keys };
  });
  expect(left).toEqual({ queues: [], keys: 0 });
});
