import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

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
];

export default config;
