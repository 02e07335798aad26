import { UpdateBannerFromBridge } from './components/UpdateBanner.js';
import { isFiltered } from './store/query.js';
import { useApp } from './store/context.js';
import { DetailPane } from './components/DetailPane.js';
import { EmptyState } from './components/EmptyState.js';
import { DropZone } from './components/DropZone.js';
import { ErrorBanner } from './components/ErrorBanner.js';
import { ExportDialog } from './components/ExportDialog.js';
import { ImportWizard } from './components/ImportWizard.js';
import { StatusBar } from './components/StatusBar.js';
import { FilterBar, Toolbar } from './components/Toolbar.js';
import { Grid } from './grid/Grid.js';

export function App() {
  const stats = useApp((s) => s.stats);
  const total = useApp((s) => s.view?.total ?? null);
  const filtered = useApp((s) => isFiltered(s.query));
  const demoRunning = useApp((s) => s.demo.running);
  // Empty catalog: say so (stats), or an unfiltered view with no rows if stats failed to load.
  const empty = demoRunning || (stats !== null ? stats.listings === 0 : total === 0 && !filtered);
  return (
    <div className="app">
      <Toolbar />
      <UpdateBannerFromBridge />
      <ErrorBanner />
      {empty ? (
        <EmptyState />
      ) : (
        <>
          <FilterBar />
          <main className="workspace">
            <Grid />
            <DetailPane />
          </main>
        </>
      )}
      <StatusBar />
      <DropZone />
      <ImportWizard />
      <ExportDialog />
    </div>
  );
}

export function NoConnection() {
  return (
    <div className="fullpage" data-testid="no-connection">
      <div className="empty-card">
        <div className="empty-mark" aria-hidden="true">
          L
        </div>
        <h1>Listsmith is not connected</h1>
        <p>
          Open the address printed by <code>npm run web</code> — it ends with <code>#token=…</code>, which lets this page talk to
          your catalog.
        </p>
        <p className="muted">If you already did, the token may belong to an earlier run: copy the address again from the terminal.</p>
      </div>
    </div>
  );
}
