import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Issue 21: every page and component is translated. The developer documentation (the API reference and the
// integrator guide's text; not its header) is English, like the API's own error messages.
const TRANSLATED = ['app/**/*.tsx', 'components/**/*.tsx'];
const ENGLISH_DEVELOPER_DOCS = ['app/api-docs/**', 'app/developers/page.tsx', 'app/developers/code.tsx', 'app/developers/*-section.tsx'];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next*/**', 'node_modules/**', 'lib/generated/**', '.data/**', 'next-env.d.ts', 'scripts/tmp/**', 'test-results/**', 'playwright-report/**', 'packages/*/dist/**'] },
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
    ignores: ['**/*.test.tsx', ...ENGLISH_DEVELOPER_DOCS],
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
