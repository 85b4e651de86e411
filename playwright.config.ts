import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3200);

// Chromium comes from Debian (apt-get install chromium); Playwright never downloads a browser here.
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 60_000,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'npx tsx scripts/e2e-server.ts',
    url: `http://localhost:${port}/ready`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    // SIGTERM lets scripts/e2e-server.ts stop the app and then its PostgreSQL (the default SIGKILL leaves a
    // dying cluster behind for the next command of the CI run).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 40_000 },
    env: { E2E_PORT: String(port) }, // also E2E_DATABASE, E2E_DIST_DIR, E2E_DEV=1, E2E_SKIP_BUILD=1 (see scripts/e2e-server.ts)
  },
});
