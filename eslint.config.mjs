// ESLint: Next's rules (core web vitals, React, hooks, accessibility), typescript-eslint, and the
// rules that keep the layers honest. Formatting is Prettier's job (eslint-config-prettier turns
// off every rule that would fight it). `npm run lint` runs it; `npm test` runs `npm run lint` first.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';

// lib/ is the domain and components/ the UI; routes in app/ compose them. Neither may reach into
// app/: a component that imports a route's action or type ties the UI to one page, and the domain
// must not know about HTTP routes at all.
const NO_IMPORTS_FROM_APP = {
  patterns: [
    {
      group: ['@/app', '@/app/*', '**/app/*', '../app', '../../app', '../../../app'],
      message: 'lib/ and components/ must not import from app/: move the shared type or function into lib/ and pass actions in as props.',
    },
  ],
};

export default defineConfig([
  globalIgnores(['.next/**', '.next-*/**', '.data/**', 'node_modules/**', 'lib/generated/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'prisma/schema-engine/**']),
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // `_name` marks a value that is deliberately unused (a destructured field left out).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      // Images are our own uploads, served with srcset renditions by /<school>/media (lib/media);
      // next/image's optimizer would re-encode them again and needs client script on reader pages.
      '@next/next/no-img-element': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', NO_IMPORTS_FROM_APP] },
  },
  {
    // Playwright fixtures take a parameter named `use`, which the hooks rule mistakes for React's.
    files: ['e2e/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  prettier,
]);
