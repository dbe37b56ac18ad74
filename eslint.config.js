import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import prettier from 'eslint-config-prettier/flat';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.tmp/**', 'db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  // Layout is Prettier's (pnpm format): ESLint's stylistic rules would fight it.
  prettier,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    // Pure cores: no I/O, so they run and test anywhere (docs/architecture.md).
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/infra/**', '**/modules/**', '**/http/**'], message: 'A pure core imports no infrastructure: pass data in, return data out.' },
            {
              group: ['fastify', 'fastify-*', '@fastify/*', 'drizzle-orm', 'drizzle-orm/*', 'postgres', '@synergies/db', 'meilisearch', 'pg-boss'],
              message: 'A pure core imports no I/O library.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only repositories hold SQL: routes and services reach the database through them.
    files: ['server/src/modules/**/*.ts'],
    ignores: ['server/src/modules/**/*repository.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['postgres', 'drizzle-orm', 'drizzle-orm/*'], message: 'SQL lives in the module’s repository.ts.' }] },
      ],
      // The driver also arrives through the context (ctx.sql, a transaction): its tagged templates count as SQL too.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TaggedTemplateExpression[tag.name=/^(sql|tx|db)$/], TaggedTemplateExpression[tag.property.name=/^(sql|tx|db|\\$client)$/]',
          message: 'SQL lives in the module’s repository.ts.',
        },
      ],
    },
  },
);
