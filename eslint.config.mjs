import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Pages and components whose every user-facing string is translated (grows until it is all of app/ and
// components/).
const TRANSLATED = [
  'app/layout.tsx',
  'app/page.tsx',
  'app/login/**/*.tsx',
  'app/signup/**/*.tsx',
  'app/(app)/settings/page.tsx',
  'components/app-nav.tsx',
  'components/login-form.tsx',
  'components/sign-out-button.tsx',
  'components/language-switcher.tsx',
  'components/i18n-provider.tsx',
  'app/(app)/(patient)/dashboard/**/*.tsx',
  'app/(app)/(patient)/trends/**/*.tsx',
  'app/(app)/(patient)/devices/page.tsx',
  'app/(app)/(patient)/devices/loading.tsx',
  'app/(app)/(patient)/devices/error.tsx',
  'components/patient/dashboard-view.tsx',
  'components/patient/metric-card.tsx',
  'components/patient/insight-list.tsx',
  'components/patient/emergency-list.tsx',
  'components/patient/page-error.tsx',
  'components/patient/page-skeleton.tsx',
  'components/patient/trends-overview.tsx',
  'components/patient/trend-view.tsx',
  'components/patient/trend-stats.tsx',
  'components/patient/trend-table.tsx',
  'components/patient/period-switcher.tsx',
  'components/charts/*.tsx',
  'components/patient/devices-view.tsx',
  'components/patient/contributions-card.tsx',
];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', '.next-test*/**', '.next-e2e*/**', '.next-bench/**', 'node_modules/**', 'lib/generated/**', '.data/**', 'next-env.d.ts', 'scripts/tmp/**', 'test-results/**', 'playwright-report/**'] },
  {
    rules: {
      // SQL is built only with tagged templates or parameters, never from strings.
      'no-restricted-properties': [
        'error',
        { property: '$queryRawUnsafe', message: 'Use the $queryRaw tagged template.' },
        { property: '$executeRawUnsafe', message: 'Use the $executeRaw tagged template.' },
      ],
    },
  },
  {
    // Issue 21: user-facing text comes from messages/<locale>.json. Files already translated may not write
    // text in JSX (attributes like className are fine; aria-label, title, placeholder and alt take t(…) too).
    files: TRANSLATED,
    rules: {
      'react/jsx-no-literals': ['error', { noStrings: true, ignoreProps: true, allowedStrings: ['—', '·', '…', ':', '(', ')', ' · Language'] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt)$/] > Literal',
          message: 'Text people read or hear comes from messages/<locale>.json: use t(…).',
        },
      ],
    },
  },
];

export default config;
