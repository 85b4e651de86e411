// On a 375 px phone every role gets a compact top bar (Pulse, the bell, Menu) and a bottom bar with its
// main places instead of the desktop header's row of links: each main page's heading starts within the
// first 160 px, nothing scrolls sideways or ends behind the bottom bar, the bottom bar's links navigate
// (the current one marked), and the Menu opens from the keyboard with the other places, Settings, the
// language and sign out, and closes on Escape with the focus back on its button. Axe finds no serious
// or critical violation, with the menu closed and open. Screenshots: e2e/screenshots/phone-<role>-*.png.
import { test, type Page } from '@playwright/test';
import { DEV, expect, seriousViolations, signIn } from './role-helpers';

test.use({ navigationTimeout: DEV ? 120_000 : 30_000 });
test.describe.configure({ timeout: DEV ? 600_000 : 180_000 });

type Role = {
  role: string;
  email: string;
  /** The bottom bar's places: link name, path, screenshot name. */
  bar: [string, string, string][];
  /** The places behind the Menu, in order. */
  menu: string[];
};

const ROLES: Role[] = [
  {
    role: 'patient',
    email: 'patient@demo.test',
    bar: [['Today', '/dashboard', 'today'], ['Log data', '/entry', 'entry'], ['Trends', '/trends', 'trends'], ['Medications', '/medications', 'medications']],
    menu: ['Report', 'Timeline', 'Labs', 'My record', 'Questionnaires', 'Meals', 'Data sources', 'Care team', 'Import & export', 'Settings'],
  },
  {
    role: 'doctor',
    email: 'doctor@demo.test',
    bar: [['Patients', '/doctor', 'patients'], ['Shared with you', '/shared-with-me', 'shared'], ['Notifications', '/notifications', 'notifications']],
    menu: ['Settings'],
  },
  {
    role: 'caregiver',
    email: 'caregiver@demo.test',
    bar: [['People I care for', '/caregiver', 'cared-for'], ['Shared with you', '/shared-with-me', 'shared'], ['Notifications', '/notifications', 'notifications']],
    menu: ['Settings'],
  },
  {
    role: 'admin',
    email: 'admin@demo.test',
    bar: [['Overview', '/admin', 'overview'], ['Users', '/admin/users', 'users'], ['Pipeline', '/admin/pipeline', 'pipeline'], ['Audit log', '/admin/audit', 'audit']],
    // The mail outbox page exists only where mail is not sent for real (the e2e server may or may not be).
    menu: ['Doctors', 'Devices', 'Shares', 'Care links', 'Deliveries', 'Settings'],
  },
];

/** The page's heading is near the top, nothing scrolls sideways, and the page ends above the bottom bar. */
async function expectPhoneLayout(page: Page) {
  const h1 = page.getByRole('heading', { level: 1 }).first();
  await expect(h1).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await h1.boundingBox();
  expect(box, 'the heading has a box').not.toBeNull();
  expect(box!.y, 'the heading starts within the first 160 px').toBeLessThan(160);
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: 'no sideways scrolling at 375 px' })
    .toBeLessThanOrEqual(0);
  const overlap = await page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    const main = document.querySelector('main')!;
    const contentBottom = main.getBoundingClientRect().bottom - parseFloat(getComputedStyle(main).paddingBottom);
    const barTop = document.querySelector('[data-testid="phone-bottom-bar"]')!.getBoundingClientRect().top;
    window.scrollTo(0, 0);
    return contentBottom - barTop;
  });
  expect(overlap, 'the page content ends above the bottom bar').toBeLessThanOrEqual(0);
}

for (const { role, email, bar, menu } of ROLES) {
  test(`${role}: a bottom bar and a Menu at 375 px, headings near the top`, async ({ page }) => {
    await signIn(page, email); // at desktop width, where the header says who is signed in
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(bar[0][1]);
    await page.waitForLoadState('networkidle'); // hydrated: the bar's links navigate client-side

    // The desktop row of links is gone; the bottom bar is the navigation named "Main".
    const main = page.getByRole('navigation', { name: 'Main' });
    await expect(main).toHaveCount(1);
    await expect(main).toHaveAttribute('data-testid', 'phone-bottom-bar');
    await expect(main.getByRole('link')).toHaveText(bar.map(([name]) => name));

    for (const [name, path, shot] of bar) {
      await main.getByRole('link', { name, exact: true }).click();
      await page.waitForURL((url) => url.pathname === path);
      await expect(main.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
      await expect(main.locator('[aria-current="page"]')).toHaveCount(1);
      await expectPhoneLayout(page);
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page)).toEqual([]);
      // What the phone shows (a full-page capture would draw the fixed bar in the middle of the page).
      await page.screenshot({ path: `e2e/screenshots/phone-${role}-${shot}.png` });
    }

    // The Menu, from the keyboard: Enter opens it with the focus on its first place; it lists the other
    // places, then the language, who is signed in and sign out; Escape closes it and returns the focus.
    const button = page.getByRole('button', { name: 'Menu' });
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const more = page.getByRole('navigation', { name: 'More places' });
    const links = more.getByRole('link');
    const outbox = role === 'admin' && (await links.count()) > menu.length; // rendered with the panel, in one go
    await expect(links).toHaveText(outbox ? [...menu.slice(0, -1), 'Mail outbox', 'Settings'] : menu);
    await expect(links.first()).toBeFocused();
    await expect(page.getByRole('combobox', { name: /Language/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.getByText(/^Signed in as .+/)).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `e2e/screenshots/phone-${role}-menu.png` });
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(more).toHaveCount(0);
    await expect(button).toBeFocused();

    // Opened again with Space, the first place is followed with Enter: the menu closes on the new page.
    await page.keyboard.press(' ');
    await expect(links.first()).toBeFocused();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname !== bar[bar.length - 1][1]);
    await expect(more).toHaveCount(0);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expectPhoneLayout(page);
    await page.screenshot({ path: `e2e/screenshots/phone-${role}-${menu[0].toLowerCase().replace(/\W+/g, '-')}.png` });
  });
}
