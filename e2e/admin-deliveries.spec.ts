// The admin's delivery page in a real browser: a password-reset e-mail really queued and delivered by the
// app is marked failed in the database (as the mail job leaves one after its last attempt), the page lists
// it with its reason and no address, Retry puts it back in the queue and the mail job delivers it again.
// The page passes axe and fits 375 px.
import { randomUUID } from 'node:crypto';
import { test } from '@playwright/test';
import pg from 'pg';
import { DEV, expect, seriousViolations, signIn } from './role-helpers';

/** The e2e server's database (scripts/e2e-server.ts): DATABASE_URL's server, else the embedded PostgreSQL. */
async function e2eDatabase(): Promise<pg.Client> {
  const name = process.env.E2E_DATABASE ?? 'health_e2e';
  let url: string;
  if (process.env.DATABASE_URL) {
    const external = new URL(process.env.DATABASE_URL);
    external.pathname = `/${name}`;
    url = external.toString();
  } else {
    url = (await import('../lib/db/local-postgres')).localUrl(name);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

test('admin deliveries: a failed e-mail is listed with its reason and retried', async ({ page }) => {
  test.setTimeout(DEV ? 300_000 : 150_000);
  const db = await e2eDatabase();
  try {
    const since = new Date();
    const reason = `550 5.1.1 mailbox unavailable (e2e ${randomUUID().slice(0, 8)})`;
    // A real message: the app queues a reset link for the demo patient, and its mail job sends it.
    const asked = await page.request.post('/api/v1/auth/password-reset', { data: { email: 'patient@demo.test' } });
    expect(asked.status()).toBe(202);
    let id = '';
    await expect
      .poll(async () => {
        const { rows } = await db.query<{ id: string }>(
          "SELECT id::text FROM mail_messages WHERE template = 'password-reset' AND status = 'SENT' AND created_at >= $1 ORDER BY created_at DESC LIMIT 1",
          [since],
        );
        id = rows[0]?.id ?? '';
        return id;
      }, { message: 'the reset e-mail to be sent', timeout: DEV ? 120_000 : 60_000 })
      .not.toBe('');
    await db.query("UPDATE mail_messages SET status = 'FAILED', attempts = 6, last_error = $2 WHERE id = $1", [id, reason]);

    await signIn(page, 'admin@demo.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deliveries' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Deliveries' })).toBeVisible();
    await expect(page.getByTestId('channel-email')).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: reason });
    await expect(row).toContainText('password-reset');
    await expect(row).toContainText('Patient');
    await expect(page.locator('main')).not.toContainText('patient@demo.test');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'e2e/screenshots/admin-deliveries.png', fullPage: true });

    await row.getByRole('button', { name: /^Retry/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'back in its queue' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: reason })).toHaveCount(0);
    await expect
      .poll(async () => (await db.query<{ status: string }>('SELECT status FROM mail_messages WHERE id = $1', [id])).rows[0]?.status, {
        message: 'the retried e-mail to be sent again',
        timeout: DEV ? 120_000 : 60_000,
      })
      .toBe('SENT');

    await page.setViewportSize({ width: 375, height: 800 });
    await expect(page.getByRole('heading', { level: 1, name: 'Deliveries' })).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: 'the page must not scroll sideways at 375 px' })
      .toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'e2e/screenshots/admin-deliveries-375.png', fullPage: true });
  } finally {
    await db.end();
  }
});
