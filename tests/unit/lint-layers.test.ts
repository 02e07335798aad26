/**
 * Proves the layer rules in eslint.config.js fire: each snippet is linted as if it lived at
 * `filePath` (the file need not exist; no type information is used).
 */
import { ESLint } from 'eslint';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** Messages of the layer rules only (other rules, e.g. unused imports, are not the point here). */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  if (!result) throw new Error('no lint result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`parse error in snippet: ${fatal[0]?.message}`);
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

const expectBlocked = async (filePath: string, code: string) =>
  expect(await layerErrors(filePath, code), `${filePath}: ${code}`).not.toHaveLength(0);
const expectAllowed = async (filePath: string, code: string) =>
  expect(await layerErrors(filePath, code), `${filePath}: ${code}`).toEqual([]);

describe('layer rules', () => {
  // The renderer is organised by feature (renderer/src/features/<feature>/) beside its shared
  // ui/, store/, bridge/ and io/ folders: the examples sit where renderer code really lives, with
  // the relative paths a file there writes.
  it('renderer: no Node built-ins', async () => {
    await expectBlocked('renderer/src/main.tsx', "import fs from 'node:fs';\nvoid fs;");
    await expectBlocked('renderer/src/features/import/x.ts', "import fs from 'fs';\nvoid fs;");
    await expectBlocked('renderer/src/ui/x.tsx', "import { join } from 'path';\nvoid join;");
    await expectBlocked('renderer/src/io/x.ts', "import { readFile } from 'fs/promises';\nvoid readFile;");
    await expectBlocked('renderer/src/bridge/x.ts', "import cp from 'child_process';\nvoid cp;");
    await expectBlocked('renderer/src/features/jobs/x.ts', "import { Worker } from 'worker_threads';\nvoid Worker;");
    await expectBlocked('renderer/src/store/x.ts', "import os from 'os';\nvoid os;");
    await expectBlocked('renderer/src/features/grid/x.ts', "import Database from 'better-sqlite3';\nvoid Database;");
  });

  it('renderer: no Electron and nothing from core/main/workers/preload', async () => {
    await expectBlocked('renderer/src/bridge/x.ts', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;");
    await expectBlocked('renderer/src/App.tsx', "import { createCore } from '../../core/host/create-core.js';\nvoid createCore;");
    await expectBlocked('renderer/src/features/grid/x.ts', "import { x } from '../../../../main/electron/ipc.js';\nvoid x;");
    await expectBlocked('renderer/src/features/import/x.ts', "import type { Table } from '../../../../core/import/read-table.js';\nexport type T = Table;");
    await expectBlocked('renderer/src/ui/x.tsx', "import { x } from '../../../workers/catalog.worker.js';\nvoid x;");
    await expectBlocked('renderer/src/store/x.ts', "import { x } from '../../../preload/preload.js';\nvoid x;");
    await expectBlocked('renderer/src/features/edit/x.ts', "export * from '../../../../core/host/core-api.js';");
  });

  it('renderer: shared ui/ imports no feature and not the store', async () => {
    await expectBlocked('renderer/src/ui/x.tsx', "import { ScopeChooser } from '../features/grid/ScopeChooser.js';\nvoid ScopeChooser;");
    await expectBlocked('renderer/src/ui/x.tsx', "import '../features/edit/editor.css';");
    // What ErrorBanner and OperationProgress did before they took their data another way.
    await expectBlocked('renderer/src/ui/x.tsx', "import { useApp } from '../store/context.js';\nvoid useApp;");
    await expectBlocked('renderer/src/ui/x.tsx', "import type { S } from '../store/app-store.js';\nexport type T = S;");
    // ui/ keeps the renderer's other rules too.
    await expectBlocked('renderer/src/ui/x.tsx', "import fs from 'node:fs';\nvoid fs;");
    await expectAllowed(
      'renderer/src/ui/x.tsx',
      "import type { EventPayloads } from '../../../common/contract.js';\nimport { formatInteger } from '../format.js';\nimport { FieldIssues } from './FieldIssues.js';\nimport './field-feedback.css';\nexport type E = EventPayloads;\nvoid formatInteger; void FieldIssues;",
    );
    // A feature still reads the store.
    await expectAllowed('renderer/src/features/status/x.tsx', "import { useApp } from '../../store/context.js';\nvoid useApp;");
  });

  it('renderer: React, common/ and its own files are fine', async () => {
    await expectAllowed(
      'renderer/src/App.tsx',
      "import { useState } from 'react';\nimport { createClient } from '../../common/client.js';\nimport { Grid } from './features/grid/Grid.js';\nimport { EmptyCard } from './ui/EmptyCard.js';\nvoid useState; void createClient; void Grid; void EmptyCard;",
    );
    await expectAllowed(
      'renderer/src/features/edit/x.tsx',
      "import type { Issue } from '../../../../common/rules/index.js';\nimport { FieldIssues } from '../../ui/FieldIssues.js';\nimport { useApp } from '../../store/context.js';\nimport { DRAFT_FIELDS } from './draft.js';\nexport type I = Issue;\nvoid FieldIssues; void useApp; void DRAFT_FIELDS;",
    );
    await expectAllowed('renderer/src/features/grid/x.ts', "import { useVirtualizer } from '@tanstack/react-virtual';\nvoid useVirtualizer;");
  });

  it('core and workers: Node yes, Electron no', async () => {
    await expectAllowed('core/x.ts', "import fs from 'node:fs';\nimport Database from 'better-sqlite3';\nvoid fs; void Database;");
    await expectAllowed('workers/x.ts', "import { parentPort } from 'node:worker_threads';\nvoid parentPort;");
    await expectBlocked('core/x.ts', "import { app } from 'electron';\nvoid app;");
    await expectBlocked('core/service/x.ts', "import log from 'electron-log/main';\nvoid log;");
    await expectBlocked('core/x.ts', "import { autoUpdater } from 'electron-updater';\nvoid autoUpdater;");
    await expectBlocked('workers/x.ts', "import { app } from 'electron';\nvoid app;");
    await expectBlocked('core/x.ts', "export async function f() { return import('electron'); }");
    await expectBlocked('workers/x.cjs', "const { app } = require('electron');\nmodule.exports = app;");
  });

  it('core and workers: nothing from main/renderer/preload', async () => {
    await expectBlocked('core/host/x.ts', "import { x } from '../../main/electron/ipc.js';\nvoid x;");
    await expectBlocked('core/x.ts', "import { x } from '../renderer/src/App.js';\nvoid x;");
    await expectBlocked('workers/x.ts', "import { x } from '../preload/preload.js';\nvoid x;");
    await expectBlocked('core/x.tsx', "import { useState } from 'react';\nvoid useState;");
    await expectAllowed('core/host/x.ts', "import { contract } from '../../common/contract.js';\nvoid contract;");
    await expectAllowed('workers/x.ts', "import { createCore } from '../core/host/create-core.js';\nvoid createCore;");
  });

  it('inside core: a folder imports only the folders below it (CORE_LAYERS)', async () => {
    // The two upward imports that were fixed: jobs → ai, diagnostics → host.
    await expectBlocked('core/jobs/job-host.ts', "import { aiJobs } from '../ai/ai-job-runner.js';\nvoid aiJobs;");
    await expectBlocked('core/diagnostics/core-diagnostics.ts', "import type { CatalogThreadState } from '../host/catalog-thread.js';\nexport type S = CatalogThreadState;");
    // Type-only imports, re-exports, deeper files and sideways imports count too.
    await expectBlocked('core/catalog/x.ts', "export * from '../import/values.js';");
    await expectBlocked('core/ai/output-checks/x.ts', "import { x } from '../../service/handlers.js';\nvoid x;");
    await expectBlocked('core/import/x.ts', "import { x } from '../optimizer/proposal.js';\nvoid x;");
    await expectBlocked('core/edit/x.ts', "import { x } from '../export/plan.js';\nvoid x;");
    await expectBlocked('core/host/x.ts', "import { x } from '../service/handlers.js';\nvoid x;");
    await expectBlocked('core/service/x.ts', "import { x } from '../cli/listsmith.js';\nvoid x;");
    // The core rules still hold in a folder's own block.
    await expectBlocked('core/jobs/x.ts', "import { app } from 'electron';\nvoid app;");
    await expectBlocked('core/jobs/x.ts', "import { x } from '../../renderer/src/App.js';\nvoid x;");
    // Down, within the folder, and to common/ are fine.
    await expectAllowed('core/ai/x.ts', "import type { AiJobs } from '../jobs/job-host.js';\nimport { x } from '../catalog/open-catalog.js';\nimport { y } from './ai-service.js';\nexport type A = AiJobs;\nvoid x; void y;");
    await expectAllowed('core/ai/output-checks/x.ts', "import { x } from '../../jobs/ai-flag-rule.js';\nimport { y } from '../ai-field-check.js';\nvoid x; void y;");
    await expectAllowed('core/host/x.ts', "import { x } from '../diagnostics/core-diagnostics.js';\nimport { y } from '../jobs/pool-worker-file.js';\nimport { z } from '../../common/contract.js';\nvoid x; void y; void z;");
    await expectAllowed('core/service/x.ts', "import { x } from '../host/file-staging.js';\nvoid x;");
    await expectAllowed('core/export/formats/x.ts', "import { x } from '../../import/values.js';\nimport { y } from '../kept-columns.js';\nvoid x; void y;");
  });

  it('common: pure (no Node, Electron, React, or other layers)', async () => {
    await expectBlocked('common/x.ts', "import fs from 'node:fs';\nvoid fs;");
    await expectBlocked('common/x.ts', "import path from 'path';\nvoid path;");
    await expectBlocked('common/x.ts', "import { app } from 'electron';\nvoid app;");
    await expectBlocked('common/x.ts', "import { useState } from 'react';\nvoid useState;");
    await expectBlocked('common/x.ts', "import { x } from '../core/host/core-api.js';\nvoid x;");
    await expectBlocked('common/x.ts', "import { x } from '../renderer/src/App.js';\nvoid x;");
    await expectBlocked('common/x.ts', "import { x } from '../main/electron/ipc.js';\nvoid x;");
    await expectBlocked('common/x.ts', "import { x } from '../workers/catalog.worker.js';\nvoid x;");
    await expectAllowed('common/x.ts', "import { z } from 'zod';\nimport { METHOD_NAMES } from './contract-names.js';\nvoid z; void METHOD_NAMES;");
  });

  it('preload: electron and common/ only', async () => {
    await expectAllowed(
      'preload/preload.ts',
      "import { contextBridge } from 'electron';\nimport { METHOD_NAMES } from '../common/contract-names.js';\nimport type { ListsmithBridge } from '../common/bridge.js';\nexport const b: ListsmithBridge | undefined = undefined;\nvoid contextBridge; void METHOD_NAMES;",
    );
    await expectBlocked('preload/preload.ts', "import fs from 'node:fs';\nvoid fs;");
    await expectBlocked('preload/preload.ts', "import { z } from 'zod';\nvoid z;");
    await expectBlocked('preload/preload.ts', "import log from 'electron-log/main';\nvoid log;");
    await expectBlocked('preload/preload.ts', "import { x } from '../core/host/core-api.js';\nvoid x;");
    await expectBlocked('preload/preload.ts', "import { x } from '../renderer/src/App.js';\nvoid x;");
  });

  it('the shell may use Electron and core; main/web and scripts may not use Electron', async () => {
    await expectAllowed(
      'main/electron/main.ts',
      "import { app } from 'electron';\nimport log from 'electron-log/main';\nimport { createCore } from '../../core/host/create-core.js';\nvoid app; void log; void createCore;",
    );
    await expectBlocked('main/electron/main.ts', "import { x } from '../../renderer/src/App.js';\nvoid x;");
    await expectBlocked('main/web/host.ts', "import { app } from 'electron';\nvoid app;");
    await expectBlocked('main/web/host.ts', "import { x } from '../electron/ipc.js';\nvoid x;");
    await expectBlocked('main/web/host.ts', "import { x } from '../../renderer/src/App.js';\nvoid x;");
    await expectBlocked('main/web/host.ts', "import { x } from '../../preload/preload.js';\nvoid x;");
    await expectAllowed('main/web/host.ts', "import { x } from '../../core/host/data-dir.js';\nimport { y } from '../../common/bridge.js';\nimport { z } from './host-args.js';\nvoid x; void y; void z;");
    await expectBlocked('scripts/x.mjs', "import { app } from 'electron';\nvoid app;");
    await expectBlocked('tests/unit/x.test.ts', "import { app } from 'electron';\nvoid app;");
  });

  // Lints the whole tree (≈ 12 s alone on 2 cores): a generous timeout, since nothing here is timed.
  it('the real sources pass the layer rules', { timeout: 180_000 }, async () => {
    const results = await eslint.lintFiles(['common', 'core', 'main', 'preload', 'renderer', 'workers']);
    const layer = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => `${r.filePath}:${m.line} ${m.message}`),
    );
    expect(layer).toEqual([]);
  });
});
