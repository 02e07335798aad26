// @ts-check
/**
 * Listsmith lint config (flat, ESM). Fast on purpose: no type-aware rules.
 *
 * LAYER RULES — the process folders are the layers (see docs / architecture notes):
 *   common/        pure: contract, domain types, marketplace rules (no Node, no Electron, no React)
 *   core/, workers/  Node: catalog, services, worker threads (no Electron, no UI, no shell)
 *   main/electron/ the Electron shell: the ONLY place (with preload/) that may import `electron`,
 *                  `electron-log/main`, `electron-updater`
 *   preload/       sandboxed bridge: `electron` + common/ only
 *   renderer/      DOM + React + common/ only
 * Enforced with `no-restricted-imports` (regex patterns on the import string). ESLint does not merge
 * the options of one rule across config objects (the last matching object wins), so every layer
 * below lists its COMPLETE set of restrictions. Dynamic `import()` / `require()` of the shell-only
 * modules is caught by `no-restricted-syntax`. tests/unit/lint-layers.test.ts proves each rule fires.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (/** @type {readonly string[]} */ names) => names.map(escape).join('|');

/** Loading these in plain Node starts an Electron download and throws: shell only. */
const SHELL_ONLY = {
  regex: '^(?:electron(?:/.*)?|electron-log/main|electron-updater(?:/.*)?)$',
  message: 'Only main/electron/ (and preload/ for `electron`) may import Electron, electron-log/main or electron-updater. Core code must run in plain Node.',
};

const NODE_BUILTIN_NAMES = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '').split('/')[0] ?? m))];
const NODE_BUILTINS = {
  regex: `^(?:node:.*|(?:${anyOf(NODE_BUILTIN_NAMES)})(?:/.*)?)$`,
  message: 'Node built-ins are not available here (renderer runs in a sandboxed page; common/ must stay pure).',
};

/** npm packages that only work in Node (native code, threads, sockets, secrets). */
const NODE_ONLY_PACKAGES = {
  regex: `^(?:${anyOf(['better-sqlite3', 'piscina', 'ws', 'groq-sdk', 'electron-log', 'electron-builder'])})(?:/.*)?$`,
  message: 'This package only runs in Node (core/ or workers/); reach it through the contract.',
};

const UI_PACKAGES = {
  regex: '^(?:react|react-dom|zustand|@tanstack/react-[^/]+)(?:/.*)?$',
  message: 'UI libraries belong to renderer/ only.',
};

/** A relative import that climbs out of the current layer into one of `layers`. */
const relativeInto = (/** @type {string[]} */ layers, /** @type {string} */ message) => ({
  regex: `^(?:\\.\\./)+(?:${anyOf(layers)})(?:/|$)`,
  message,
});

/** Dynamic `import('electron')`, `require('electron')`, `import x = require('electron')`. */
const SHELL_ONLY_SYNTAX = [
  {
    selector: "ImportExpression[source.value=/^(electron|electron-log\\u002Fmain|electron-updater)(\\u002F|$)/]",
    message: SHELL_ONLY.message,
  },
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value=/^(electron|electron-log\\u002Fmain|electron-updater)(\\u002F|$)/]",
    message: SHELL_ONLY.message,
  },
  {
    selector: "TSExternalModuleReference[expression.value=/^(electron|electron-log\\u002Fmain|electron-updater)(\\u002F|$)/]",
    message: SHELL_ONLY.message,
  },
];

const restrict = (/** @type {object[]} */ patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

/** What the renderer never imports (its ui/ block repeats it: a block's patterns replace, not add to, an earlier block's). */
const RENDERER_PATTERNS = [
  { ...SHELL_ONLY, message: 'The renderer never touches Electron: use window.listsmith (the preload bridge) through common/client.' },
  NODE_BUILTINS,
  NODE_ONLY_PACKAGES,
  relativeInto(['core', 'main', 'workers', 'preload'], 'The renderer reaches the core only through the contract (common/); it imports nothing from core/, main/, workers/ or preload/.'),
];

/** What core/ and workers/ never import (every core folder's block repeats it). */
const CORE_PATTERNS = [
  SHELL_ONLY,
  UI_PACKAGES,
  relativeInto(['main', 'renderer', 'preload'], 'core/ and workers/ must not depend on the Electron shell, the web host, the renderer or the preload.'),
];

/**
 * core/'s folders, lowest first (docs/ARCHITECTURE.md "Layers inside core"). A folder imports its
 * own files and folders of a LOWER rank only: not sideways, not up. A feature that needs a higher
 * one gets it handed in by the level that composes both (e.g. the AI job runner is given to the
 * job host by the catalog worker).
 */
const CORE_LAYERS = [
  ['catalog', 'logging', 'secrets', 'update'],
  ['import', 'optimizer', 'photos', 'backup'],
  ['edit', 'export'],
  ['jobs'],
  ['ai'],
  ['diagnostics'],
  ['host'],
  ['service', 'cli'],
];

/** A relative import from core/<folder>/ (at any depth) into a core folder of the same or a higher rank. */
const coreAbove = (/** @type {string} */ folder, /** @type {number} */ rank) => {
  const above = CORE_LAYERS.slice(rank).flat().filter((f) => f !== folder);
  return above.length === 0
    ? []
    : [
        {
          regex: `^(?:\\.\\./)+(?:core/)?(?:${anyOf(above)})(?:/|$)`,
          message: `core/${folder}/ may import only core folders below it (${CORE_LAYERS.slice(0, rank).flat().join(', ') || 'none'}); ${above.join(', ')} are its level or above (order in eslint.config.js CORE_LAYERS). Move the shared code down, or have the composing level hand it in.`,
        },
      ];
};

const ALL = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];
const under = (/** @type {string} */ dir) => [`${dir}/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}`];

export default defineConfig([
  globalIgnores(['out/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/', 'dist/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    files: ALL,
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // ── Layer rules ───────────────────────────────────────────────────────────────────────────────
  // Default for everything (core, workers, main/web, scripts, tests, bench, root files): no shell-only modules.
  {
    files: ALL,
    rules: { ...restrict([SHELL_ONLY]), 'no-restricted-syntax': ['error', ...SHELL_ONLY_SYNTAX] },
  },
  // core/ and workers/: plain Node; never the shell, the UI or the preload.
  {
    files: [...under('core'), ...under('workers')],
    rules: restrict(CORE_PATTERNS),
  },
  // Inside core/: each folder imports only folders of a lower rank in CORE_LAYERS (the core rules above repeated).
  ...CORE_LAYERS.flatMap((rank, r) =>
    rank.map((folder) => ({
      files: under(`core/${folder}`),
      rules: restrict([...CORE_PATTERNS, ...coreAbove(folder, r)]),
    })),
  ),
  // common/: pure TypeScript shared by every process.
  {
    files: under('common'),
    rules: restrict([
      SHELL_ONLY,
      NODE_BUILTINS,
      NODE_ONLY_PACKAGES,
      UI_PACKAGES,
      relativeInto(['core', 'main', 'renderer', 'workers', 'preload'], 'common/ is the bottom layer: it imports nothing from core/, main/, renderer/, workers/ or preload/.'),
    ]),
  },
  // renderer/: a sandboxed web page. DOM + React + common/ only.
  {
    files: under('renderer'),
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(RENDERER_PATTERNS),
  },
  // renderer/src/ui/: shared components every feature uses, so they import no feature and not the
  // store: what they show comes in as props (a piece that reads the store belongs to its feature).
  {
    files: ['renderer/src/ui/**/*.{ts,tsx,js,jsx}'],
    rules: restrict([
      ...RENDERER_PATTERNS,
      relativeInto(['features'], 'Shared ui/ is used by every feature, so it imports none: move what it needs into ui/, or the component into its feature.'),
      relativeInto(['store'], 'Shared ui/ does not read the store: pass what it shows as props from the feature that renders it, or move the component into that feature.'),
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx,js,jsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['renderer/**/*.{ts,tsx,js,jsx}'],
    // We do not build with the React Compiler, so "compilation skipped" notes (e.g. for TanStack
    // Virtual's useVirtualizer) carry no information; the compiler's correctness rules stay on.
    rules: { 'react-hooks/incompatible-library': 'off' },
  },
  // preload/: sandboxed; may import `electron` and common/ only (bundled into one CJS file).
  {
    files: under('preload'),
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...restrict([
        {
          regex: '^(?!electron(?:/renderer|/common)?$)[^./]',
          message: 'The sandboxed preload may import only `electron` and common/ (no Node built-ins, no other packages).',
        },
        {
          regex: '^(?:\\.\\./)+(?!\\.\\./|common/)',
          message: 'The preload may import only from common/.',
        },
      ]),
      'no-restricted-syntax': 'off',
    },
  },
  // main/electron/: the shell may use Electron and core/, but never renderer/ or preload/ code.
  {
    files: under('main/electron'),
    rules: {
      ...restrict([relativeInto(['renderer', 'preload'], 'The shell loads the renderer and preload as built files, never as imports.')]),
      'no-restricted-syntax': 'off',
    },
  },
  // main/web/: the browser build's host, a plain Node process beside the Electron shell: core/ and
  // common/ only (the default block above already keeps Electron out).
  {
    files: under('main/web'),
    rules: {
      ...restrict([
        SHELL_ONLY,
        relativeInto(['renderer', 'preload', 'electron'], 'The web host runs without Electron and serves the renderer as built files: it never imports main/electron/, the renderer or the preload (share code through core/).'),
      ]),
    },
  },
]);
