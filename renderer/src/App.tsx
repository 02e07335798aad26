import { lazy, Suspense, useCallback, useState } from 'react';
import { UpdateBannerFromCore } from './features/update/UpdateBanner.js';
import type { CatalogTarget } from './features/dashboard/Dashboard.js';
import { isFiltered } from './features/grid/query.js';
import { useApp, useAppStore } from './store/context.js';
import { DetailPane } from './features/edit/DetailPane.js';
import { EmptyState } from './features/demo/EmptyState.js';
import { DropZone } from './features/import/DropZone.js';
import { ConnectionBanner } from './features/connection/ConnectionBanner.js';
import { ErrorBanner } from './features/status/ErrorBanner.js';
import { ExportDialog } from './features/export/ExportDialog.js';
import { ImportWizard } from './features/import/ImportWizard.js';
import { StatusBar } from './features/status/StatusBar.js';
import { FilterBar, Toolbar } from './features/toolbar/Toolbar.js';
import { Grid } from './features/grid/Grid.js';
import { EmptyCard } from './ui/EmptyCard.js';
import { TabList } from './ui/TabList.js';

/** Chart.js and the dashboard load only when the Dashboard tab is first opened (or hovered). */
const loadDashboard = () => import('./features/dashboard/Dashboard.js');
const Dashboard = lazy(loadDashboard);

type AppView = 'catalog' | 'dashboard';
const VIEWS: { id: AppView; label: string }[] = [
  { id: 'catalog', label: 'Catalog' },
  { id: 'dashboard', label: 'Dashboard' },
];

/** Catalog | Dashboard: a tab list (arrow keys, Home/End move between tabs). */
function ViewTabs({ view, onChange }: { view: AppView; onChange: (view: AppView) => void }) {
  return (
    <TabList
      as="nav"
      tabs={VIEWS}
      selected={view}
      onSelect={onChange}
      label="Views"
      prefix="view"
      panelId={(id) => `view-${id}`}
      tabProps={(id) => (id === 'dashboard' ? { onPointerEnter: () => void loadDashboard(), onFocus: () => void loadDashboard() } : undefined)}
    />
  );
}

function DashboardFallback() {
  return (
    <div className="dashboard" data-testid="dashboard-loading" aria-busy="true">
      <p className="muted">Loading the dashboard…</p>
    </div>
  );
}

export function App() {
  const stats = useApp((s) => s.stats);
  const total = useApp((s) => s.view?.total ?? null);
  const filtered = useApp((s) => isFiltered(s.query));
  const demoRunning = useApp((s) => s.demo.running);
  const appStore = useAppStore();
  const [view, setView] = useState<AppView>('catalog');
  // Empty catalog: say so (stats), or an unfiltered view with no rows if stats failed to load.
  const empty = demoRunning || (stats !== null ? stats.listings === 0 : total === 0 && !filtered);
  const showInCatalog = useCallback(
    (target: CatalogTarget) => {
      const s = appStore.getState();
      s.clearFilters();
      if (target.kind === 'marketplace') s.toggleMarketplace(target.value);
      else if (target.kind === 'status') s.toggleStatus(target.value);
      else if (target.kind === 'errors') s.setHasErrors(true);
      else s.setMaxScore(target.value);
      setView('catalog');
    },
    [appStore],
  );
  const dashboard = view === 'dashboard' && !empty;
  return (
    <div className="app">
      <Toolbar />
      <UpdateBannerFromCore />
      <ConnectionBanner />
      <ErrorBanner />
      {empty ? (
        <EmptyState />
      ) : (
        <>
          <ViewTabs view={view} onChange={setView} />
          <div className="views">
            {/* The catalog stays mounted under the dashboard: scroll position, selection and drafts survive. */}
            <div className="catalog-view" id="view-catalog" role="tabpanel" aria-labelledby="view-tab-catalog" inert={dashboard} aria-hidden={dashboard}>
              <FilterBar />
              <main className="workspace">
                <Grid />
                <DetailPane />
              </main>
            </div>
            {dashboard && (
              <div className="view-overlay" id="view-dashboard" role="tabpanel" aria-labelledby="view-tab-dashboard">
                <Suspense fallback={<DashboardFallback />}>
                  <Dashboard onShowInCatalog={showInCatalog} />
                </Suspense>
              </div>
            )}
          </div>
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
      <EmptyCard>
        <h1>Listsmith is not connected</h1>
        <p>
          Open the address printed by <code>npm run web</code> — it ends with <code>#token=…</code>, which lets this page talk to
          your catalog.
        </p>
        <p className="muted">If you already did, the token may belong to an earlier run: copy the address again from the terminal.</p>
      </EmptyCard>
    </div>
  );
}
