// A patient connects a Nightscout client end to end: on Data sources they create an uploader, read its API
// secret once with what to type into each app, copy the curl command from the page, and the test sends
// exactly that request; the reading then shows on the dashboard (the uploader named as a source) and comes
// back through <baseUrl>api/v1/entries/sgv.json as a follower reads it. Revoking the uploader (confirmed)
// makes the same request a 401. Then the access tokens of a site: a readable token for a follower, shown
// once with the follower address, reads the readings and shows as used; revoked, it is refused. The
// section is checked with axe, at desktop and phone widths.
import { test, type Page } from '@playwright/test';
import { localDate, zonedDayRangeUtc } from '../lib/time';
import { DEV, expect, seriousViolations, signIn } from './role-helpers';

test.slow(DEV, 'next dev compiles each page and API route on first use');

const PATIENT = 'patient2@demo.test'; // Sam Rivera: no demo uploader of their own
const ZONE = 'America/New_York'; // Sam's
const SITE = `E2E xDrip ${Date.now().toString(36)}`;

/** The request a copied curl command makes (the command as the page shows it: one -X, -H lines, one -d). */
function parseCurl(command: string) {
  const url = /curl -X POST '([^']+)'/.exec(command)?.[1];
  const headers = Object.fromEntries([...command.matchAll(/-H '([^:]+): ([^']*)'/g)].map((m) => [m[1]!, m[2]!]));
  const body = /-d '([^']*)'/.exec(command)?.[1];
  if (!url || !body) throw new Error(`not a curl command of the page: ${command}`);
  return { url, headers, body };
}

const send = (request: ReturnType<typeof parseCurl>) => fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });

async function waitForHydrated(page: Page, selector: string) {
  await page.waitForFunction((s) => {
    const element = document.querySelector(s);
    return !!element && Object.keys(element).some((k) => k.startsWith('__reactProps'));
  }, selector);
}

test('a patient creates a Nightscout uploader, uploads with the copied curl, sees the reading, then revokes it', async ({ page, baseURL }) => {
  test.setTimeout(DEV ? 600_000 : 240_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));

  // A reading sent just before local midnight would count for tomorrow on the dashboard by the time it is checked.
  const untilMidnight = zonedDayRangeUtc(localDate(Date.now(), ZONE), ZONE).endMs - Date.now();
  if (untilMidnight < 180_000) await new Promise((resolve) => setTimeout(resolve, untilMidnight + 1000));

  await signIn(page, PATIENT);
  await page.goto('/devices');
  const section = page.getByRole('region', { name: 'Nightscout uploaders' });
  await expect(section).toBeVisible();
  await waitForHydrated(page, 'form[aria-label="Create a Nightscout uploader"]');

  // A name is required: the field says so.
  await section.getByRole('button', { name: 'Create uploader' }).click();
  await expect(section.getByText('Give the uploader a name you will recognise')).toBeVisible();
  await section.getByLabel('New uploader').fill(SITE);
  await section.getByRole('button', { name: 'Create uploader' }).click();

  // Shown once: base URL, secret, per-app values, and the curl command with both.
  const panel = page.getByTestId('nightscout-secret-panel');
  await expect(panel.getByRole('heading', { name: `Copy the API secret for “${SITE}” now` })).toBeFocused();
  await expect(panel).toContainText('Shown only now.');
  const baseUrl = await panel.getByLabel('Base URL').first().inputValue();
  const secret = await panel.getByLabel('API secret').first().inputValue();
  expect(baseUrl).toMatch(new RegExp(`^${baseURL}/ns/[0-9a-f-]{36}/$`));
  expect(secret.length).toBeGreaterThanOrEqual(12);
  const withSecret = baseUrl.replace('://', `://${secret}@`);
  await expect(panel.getByTestId('client-xdrip').getByLabel('Base URL')).toHaveValue(`${withSecret}api/v1/`);
  await expect(panel.getByTestId('client-juggluco').getByLabel('Nightscout URL')).toHaveValue(baseUrl.replace(/\/$/, ''));
  await expect(panel.getByTestId('client-juggluco').getByLabel('api_secret')).toHaveValue(secret);
  for (const app of ['xdrip', 'juggluco', 'loop', 'trio', 'aaps']) await expect(panel.getByTestId(`client-${app}`)).toContainText('Works');
  // Loop and Trio keep only the host (answered at the root); AndroidAPS gets the site and asks for a token.
  await expect(panel.getByTestId('client-loop').getByLabel('Site URL')).toHaveValue(baseURL!);
  await expect(panel.getByTestId('client-aaps').getByLabel('Nightscout URL')).toHaveValue(baseUrl.replace(/\/$/, ''));
  await expect(panel.getByRole('button', { name: 'Copy API secret' })).toBeVisible();
  const curl = await panel.getByLabel('Example upload request').innerText();
  const upload = parseCurl(curl);
  expect(upload.url).toBe(`${baseUrl}api/v1/entries`);
  expect(upload.headers['api-secret']).toBe(secret);
  const [entry] = JSON.parse(upload.body) as { sgv: number; date: number; device: string }[];
  expect(await seriousViolations(page)).toEqual([]);
  await section.screenshot({ path: 'e2e/screenshots/patient-nightscout-created.png' });

  // The test runs the command the page gave.
  const res = await send(upload);
  expect(res.status).toBe(200);
  const stored = (await res.json()) as { _id: string; sgv: number }[];
  expect(stored).toEqual([expect.objectContaining({ sgv: entry!.sgv, _id: expect.any(String) })]);

  await panel.getByRole('button', { name: 'I have saved the secret' }).click();
  await expect(panel).toHaveCount(0);
  await page.reload();
  expect(await page.content()).not.toContain(secret);
  const site = page.getByTestId('nightscout-site').filter({ has: page.getByRole('heading', { name: SITE }) });
  await expect(site.getByTestId('nightscout-uploader')).toContainText(/curl\s*Last upload today/);
  await site.getByText('How to connect an app').click();
  await expect(site.getByTestId('client-xdrip').getByLabel('Base URL')).toHaveValue(`${baseUrl.replace('://', '://<API secret>@')}api/v1/`);
  // The tokens panel is there only where the server has the tokens API.
  const tokensApi = await page.request.get(`/api/v1/nightscout-sites/${baseUrl.split('/').at(-2)}/tokens`);
  if (tokensApi.status() === 404) await expect(site.getByTestId('nightscout-tokens')).toHaveCount(0);
  else await expect(site.getByTestId('nightscout-tokens')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await section.screenshot({ path: 'e2e/screenshots/patient-nightscout.png' });

  // Back through the API, as a follower reads it: the reading, at its instant.
  const sgv = await fetch(`${baseUrl}api/v1/entries/sgv.json?count=1`, { headers: { 'api-secret': secret } });
  expect(sgv.status).toBe(200);
  expect(await sgv.json()).toEqual([expect.objectContaining({ sgv: entry!.sgv, date: entry!.date, type: 'sgv' })]);

  // On the dashboard once the pipeline has aggregated it: the uploader is one of today's glucose sources.
  const glucose = page.getByTestId('metric-glucose');
  await expect
    .poll(async () => {
      await page.goto('/dashboard');
      return glucose.innerText();
    }, { timeout: 60_000, intervals: [1000, 2000, 3000] })
    .toContain('curl');

  // Revoke (confirmed): every client is refused at once, the same request included.
  await page.goto('/devices');
  await waitForHydrated(page, '[data-testid="nightscout-site"] button');
  await site.getByRole('button', { name: `Revoke ${SITE}` }).click();
  const dialog = page.getByRole('dialog', { name: `Revoke ${SITE}?` });
  await expect(dialog).toContainText('Every app using this address stops at once');
  await dialog.getByRole('button', { name: 'Revoke uploader' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(site).toHaveCount(0);
  await expect(section.getByText(/^Revoked uploaders \(\d+\)$/)).toBeVisible();
  expect((await send(upload)).status).toBe(401);
  expect((await fetch(`${baseUrl}api/v1/entries/sgv.json`, { headers: { 'api-secret': secret } })).status).toBe(401);

  // At a phone's width nothing scrolls sideways.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/devices#nightscout');
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/patient-nightscout-375.png', fullPage: true });

  expect(problems).toEqual([]);
});

test('a patient gives a follower a readable token, which reads the readings until it is revoked', async ({ page }) => {
  test.setTimeout(DEV ? 600_000 : 180_000);
  await signIn(page, PATIENT);
  const created = await page.request.post('/api/v1/nightscout-sites', { data: { name: `${SITE} tokens` } });
  expect(created.status()).toBe(201);
  const { baseUrl, apiSecret } = (await created.json()) as { baseUrl: string; apiSecret: string };
  const atMs = Date.now() - 60_000;
  const upload = await fetch(`${baseUrl}api/v1/entries`, {
    method: 'POST',
    headers: { 'api-secret': apiSecret, 'content-type': 'application/json' },
    body: JSON.stringify([{ type: 'sgv', sgv: 131, date: atMs, device: 'xDrip-DexcomG6' }]),
  });
  expect(upload.status).toBe(200);

  await page.goto('/devices');
  const site = page.getByTestId('nightscout-site').filter({ has: page.getByRole('heading', { name: `${SITE} tokens` }) });
  const tokens = site.getByTestId('nightscout-tokens');
  await expect(tokens).toBeVisible(); // the tokens API is served
  await waitForHydrated(page, '[data-testid="nightscout-tokens"] form');
  await tokens.getByText('Access tokens for followers').click();
  await expect(tokens).toContainText('No tokens yet.');
  await tokens.getByLabel('Who uses it').fill('Watch face');
  await expect(tokens.getByRole('radio', { name: /^readable — followers and watch faces/ })).toBeChecked();
  for (const role of ['careportal', 'devicestatus-upload', 'admin']) await expect(tokens.getByRole('radio', { name: new RegExp(`^${role} — `) })).toBeVisible();
  await tokens.getByRole('button', { name: 'Create token' }).click();

  const shown = tokens.getByTestId('nightscout-token-panel');
  await expect(shown.getByRole('heading', { name: 'Copy the token “Watch face” now' })).toBeFocused();
  const token = await shown.getByLabel('Token', { exact: true }).inputValue();
  const follower = await shown.getByLabel('Follower address').inputValue();
  expect(token).toMatch(/^watchface-[0-9a-f]{32}$/);
  expect(follower).toBe(`${baseUrl}?token=${token}`);
  await expect(tokens.getByTestId('nightscout-token')).toContainText(/Watch face\s*· readable/);
  await expect(tokens.getByTestId('nightscout-token')).toContainText('never used');
  expect(await seriousViolations(page)).toEqual([]);
  await site.screenshot({ path: 'e2e/screenshots/patient-nightscout-tokens.png' });

  // A follower (Nightguard appends the API path to the address and keeps ?token=) reads the reading.
  const followerRead = new URL(follower);
  followerRead.pathname += 'api/v1/entries/sgv.json';
  const read = await fetch(followerRead);
  expect(read.status).toBe(200);
  expect(await read.json()).toEqual([expect.objectContaining({ sgv: 131, date: atMs })]);
  // Readable only: it cannot upload.
  expect((await fetch(`${baseUrl}api/v1/entries?token=${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'sgv', sgv: 99, date: atMs }) })).status).toBe(401);

  await shown.getByRole('button', { name: 'I have saved the token' }).click();
  await expect(shown).toHaveCount(0);
  await page.reload();
  expect(await page.content()).not.toContain(token);
  await tokens.getByText('Access tokens for followers (1)').click();
  await expect(tokens.getByTestId('nightscout-token')).toContainText(/last used today/);

  await tokens.getByRole('button', { name: 'Revoke token Watch face' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke the token Watch face?' });
  await dialog.getByRole('button', { name: 'Revoke token' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(tokens.getByTestId('nightscout-token')).toHaveCount(0);
  expect((await fetch(followerRead)).status).toBe(401);
});
