import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../common/client.js';
import type { ConnectionInfo } from '../bridge/ws-transport.js';
import { connectionChanged, createConnectionSlice, type ConnectionSlice } from '../features/connection/connection-slice.js';
import { createDeleteSlice, type DeleteSlice } from '../features/delete/delete-slice.js';
import { createDemoSlice, type DemoSlice } from '../features/demo/demo-slice.js';
import { createBulkEditSlice, type BulkEditSlice } from '../features/edit/bulk-edit-slice.js';
import { createDetailSlice, type DetailSlice } from '../features/edit/detail-slice.js';
import { createInlineEditSlice, type InlineEditSlice } from '../features/edit/inline-edit-slice.js';
import { createExportSlice, type ExportSlice } from '../features/export/export-slice.js';
import { createQuerySlice, type QuerySlice } from '../features/grid/query-slice.js';
import { createSelectionSlice, type SelectionSlice } from '../features/grid/selection-slice.js';
import { createViewSlice, type PagesSlice, type ViewSlice } from '../features/grid/view-slice.js';
import { createHistorySlice, type HistorySlice } from '../features/history/history-slice.js';
import { createImportSlice, type ImportSlice } from '../features/import/import-slice.js';
import { createStatusSlice, type StatusSlice } from '../features/status/status-slice.js';
import { createCatalogRefresh } from './catalog-refresh.js';
import { openWhenCoreAnswers } from './open-when-core-answers.js';

/* ----------------------------------------------------------------------------------------------
 * The one app store, combined from the features' slices (features/<name>/*-slice.ts). Each slice
 * keeps its own non-reactive machinery (generations, timers) and reaches the others through their
 * actions; this file only combines them and starts and stops them.
 * -------------------------------------------------------------------------------------------- */

export type AppState = QuerySlice &
  ViewSlice &
  PagesSlice &
  SelectionSlice &
  InlineEditSlice &
  BulkEditSlice &
  DetailSlice &
  StatusSlice &
  ConnectionSlice &
  DemoSlice &
  ImportSlice &
  ExportSlice &
  HistorySlice &
  DeleteSlice;
export type AppStore = StoreApi<AppState>;

export interface StoreDeps {
  client: ContractClient;
  transportKind: 'electron' | 'web';
  initialConnection?: ConnectionInfo;
}

export interface AppStoreHandle {
  store: AppStore;
  /** Subscribes to core events and loads the first view; returns a disposer. */
  start(): () => void;
  /** Tells the store about WebSocket (re)connections. */
  connectionChanged(info: ConnectionInfo): void;
}

export function createAppStore({ client, transportKind, initialConnection }: StoreDeps): AppStoreHandle {
  const importing = createImportSlice<AppState>(client);
  const exporting = createExportSlice<AppState>(client);
  const history = createHistorySlice<AppState>(client);
  const view = createViewSlice(client);
  const selection = createSelectionSlice(client);
  const status = createStatusSlice(client);
  const demo = createDemoSlice(client);

  const store: AppStore = createStore<AppState>()((...a) => ({
    ...importing.slice(...a),
    ...exporting.slice(...a),
    ...history.slice(...a),
    ...createDeleteSlice<AppState>(client)(...a),
    ...createQuerySlice(...a),
    ...view.slice(...a),
    ...selection.slice(...a),
    ...createInlineEditSlice(client)(...a),
    ...createBulkEditSlice(...a),
    ...createDetailSlice(client)(...a),
    ...status.slice(...a),
    ...createConnectionSlice(transportKind, initialConnection)(...a),
    ...demo.slice(...a),
  }));

  const refresh = createCatalogRefresh(store);

  return {
    store,
    start() {
      const unsubscribe = [
        client.on('catalog.changed', () => refresh.schedule()),
        demo.subscribe(store),
        importing.subscribe(store),
        exporting.subscribe(store),
        history.subscribe(store),
      ];
      let stopped = false;
      void openWhenCoreAnswers(store, client, () => stopped);
      return () => {
        stopped = true;
        for (const off of unsubscribe) off();
        refresh.dispose();
        status.dispose();
        selection.dispose();
        view.dispose();
      };
    },
    connectionChanged: (info) => connectionChanged(store, client, info, () => refresh.schedule()),
  };
}
