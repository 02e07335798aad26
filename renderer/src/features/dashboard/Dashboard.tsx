import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ChangeSetSummary, DashboardStats } from '../../../../common/edit-types.js';
import type { ListingStatus, Marketplace } from '../../../../common/listing.js';
import { formatDateTime, formatInteger } from '../../format.js';
import { useCalls } from '../../store/client-context.js';
import { dashboardCalls } from './dashboard-calls.js';
import {
  activitySeries,
  approximateMeanScore,
  createDashboardStore,
  marketplaceSeries,
  percentText,
  scoreSeries,
  seriesText,
  statusSeries,
  sumOf,
  type SeriesPoint,
} from './dashboard-store.js';
import { BarChart } from './BarChart.js';
import { CHANGE_SET_STATE_LABELS } from '../history/change-set-state.js';
import { AUTHOR_LABELS, KIND_LABELS } from '../history/HistoryList.js';
import { ruleLabel, ruleTemplateText } from '../edit/rule-labels.js';
import './dashboard.css';

/* The Dashboard view (lazy loaded with Chart.js): totals, listings by marketplace and status, the
 * quality-score distribution, top failing rules, recent activity and listings changed per day —
 * all from `dashboard.stats` (counters the core keeps up to date), refreshed on catalog changes. */

export type CatalogTarget =
  | { kind: 'marketplace'; value: Marketplace }
  | { kind: 'status'; value: ListingStatus }
  | { kind: 'errors' }
  /** Listings scoring at most `value`. */
  | { kind: 'maxScore'; value: number };

const MARKETPLACE_COLORS: Record<Marketplace, string> = {
  ebay: '#e53238',
  etsy: '#f1641e',
  amazon: '#ff9900',
  shopify: '#5e8e3e',
  woocommerce: '#7f54b3',
  google: '#4285f4',
  other: '#8a93a3',
};

interface Theme {
  accent: string;
  ok: string;
  warn: string;
  danger: string;
  muted: string;
}

function readTheme(): Theme {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { accent: v('--accent', '#2f6fed'), ok: v('--ok', '#1a7f4b'), warn: v('--warn', '#a35c00'), danger: v('--danger', '#c4314b'), muted: v('--text-3', '#8a93a3') };
}

function useTheme(): Theme {
  const [theme, setTheme] = useState(readTheme);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setTheme(readTheme());
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return theme;
}

function statusColor(status: ListingStatus, theme: Theme): string {
  switch (status) {
    case 'active':
      return theme.ok;
    case 'draft':
      return theme.accent;
    case 'sold_out':
      return theme.warn;
    default:
      return theme.muted;
  }
}

/** Red (0) → amber → green (100) for the score histogram. */
const SCORE_COLORS = ['#c4314b', '#cf4a3f', '#d86433', '#df7d28', '#e2951f', '#c9a21c', '#a0a626', '#74a232', '#4b963e', '#1a7f4b'];

function Card({ title, id, children, wide = false, aside }: { title: string; id: string; children: ReactNode; wide?: boolean; aside?: ReactNode }) {
  return (
    <section className={`dash-card${wide ? ' wide' : ''}`} aria-labelledby={`${id}-title`} data-testid={id}>
      <header className="dash-card-head">
        <h2 id={`${id}-title`} className="dash-card-title">
          {title}
        </h2>
        {aside}
      </header>
      {children}
    </section>
  );
}

function Kpi({
  label,
  value,
  note,
  testId,
  tone,
  action,
}: {
  label: string;
  value: string;
  note?: string;
  testId: string;
  tone?: 'danger' | 'ok' | 'warn';
  action?: { label: string; run: () => void };
}) {
  return (
    <div className={`kpi${tone === undefined ? '' : ` kpi-${tone}`}`}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value" data-testid={testId}>
        {value}
      </div>
      {note !== undefined && <div className="kpi-note">{note}</div>}
      {action !== undefined && (
        <button type="button" className="link-button kpi-action" onClick={action.run}>
          {action.label}
        </button>
      )}
    </div>
  );
}

/** The numbers of a chart as a table; `hidden`: for assistive technology and tests only. */
function SeriesTable<K extends string>({
  caption,
  series,
  total,
  hidden = false,
  testId,
  onSelect,
  selectLabel,
}: {
  caption: string;
  series: readonly SeriesPoint<K>[];
  total?: number;
  hidden?: boolean;
  testId: string;
  onSelect?: (point: SeriesPoint<K>) => void;
  selectLabel?: (point: SeriesPoint<K>) => string;
}) {
  return (
    <table className={hidden ? 'visually-hidden' : 'dash-table'} aria-label={caption} data-testid={testId}>
      <thead className={hidden ? undefined : 'visually-hidden'}>
        <tr>
          <th scope="col">{caption.replace(/^Listings by /, '').replace(/^./, (c) => c.toUpperCase())}</th>
          <th scope="col">Listings</th>
          {total !== undefined && <th scope="col">Share</th>}
        </tr>
      </thead>
      <tbody>
        {series.map((p) => (
          <tr key={p.key} data-key={p.key}>
            <th scope="row">
              {onSelect !== undefined && !hidden ? (
                <button type="button" className="link-button dash-select" title={selectLabel?.(p)} onClick={() => onSelect(p)}>
                  {p.label}
                </button>
              ) : (
                p.label
              )}
            </th>
            <td className="num" data-value={p.value}>
              {formatInteger(p.value)}
            </td>
            {total !== undefined && <td className="num muted">{percentText(p.value, total)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
function timeAgo(ms: number, now: number): string {
  const s = Math.round((ms - now) / 1000);
  const abs = Math.abs(s);
  if (abs < 45) return 'just now';
  if (abs < 3600) return relative.format(Math.round(s / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(s / 3600), 'hour');
  if (abs < 7 * 86_400) return relative.format(Math.round(s / 86_400), 'day');
  return formatDateTime(ms);
}

function RecentActivity({ recent, now }: { recent: readonly ChangeSetSummary[]; now: number }) {
  if (recent.length === 0) return <p className="muted dash-empty">No changes yet: edits, bulk edits, imports and reverts show up here.</p>;
  return (
    <ol className="activity" data-testid="dash-recent-list">
      {recent.map((c) => (
        <li key={c.id} className={`activity-item state-${c.state}`} data-state={c.state}>
          <span className={`activity-author author-${c.author}`}>{AUTHOR_LABELS[c.author] ?? c.author}</span>
          <span className="activity-summary">{c.summary}</span>
          <span className="activity-meta muted">
            {KIND_LABELS[c.kind] ?? c.kind} · {formatInteger(c.listingCount)} {c.listingCount === 1 ? 'listing' : 'listings'}
            {c.state !== 'applied' && (
              <span className="activity-state" title={CHANGE_SET_STATE_LABELS[c.state].hint}>
                {CHANGE_SET_STATE_LABELS[c.state].label}
              </span>
            )}
          </span>
          <time className="activity-time muted" dateTime={new Date(c.createdAt).toISOString()} title={formatDateTime(c.createdAt)}>
            {timeAgo(c.createdAt, now)}
          </time>
        </li>
      ))}
    </ol>
  );
}

function TopRules({ stats }: { stats: DashboardStats }) {
  const max = stats.topRules.reduce((m, r) => Math.max(m, r.listings), 0);
  if (stats.topRules.length === 0) return <p className="muted dash-empty">No failing rules: every scored listing passes its marketplace’s checks.</p>;
  return (
    <table className="dash-table rules-table" aria-label="Top failing rules" data-testid="dash-rules-table">
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Marketplace</th>
          <th scope="col">Severity</th>
          <th scope="col" className="align-end">
            Listings
          </th>
          <th scope="col" className="rules-bar-col">
            <span className="visually-hidden">Share of listings</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {stats.topRules.map((r) => {
          const label = ruleLabel(r.ruleId);
          const severity = label.rule?.severity ?? 'warning';
          return (
            <tr key={r.ruleId} data-rule={r.ruleId}>
              <th scope="row" title={label.rule === undefined ? r.ruleId : ruleTemplateText(label.rule)}>
                <span className="rule-name">{label.name}</span>
                <code className="rule-id">{r.ruleId}</code>
              </th>
              <td>{label.marketplaceLabel}</td>
              <td>
                <span className={`sev sev-${severity}`}>{severity === 'error' ? 'Error' : 'Warning'}</span>
              </td>
              <td className="num align-end" data-value={r.listings}>
                {formatInteger(r.listings)}
              </td>
              <td className="rules-bar-col" aria-label={percentText(r.listings, stats.listings)}>
                <span className="rules-bar">
                  <span className={`rules-bar-fill sev-bg-${severity}`} style={{ width: `${max === 0 ? 0 : Math.max(1, (r.listings / max) * 100)}%` }} />
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A breakdown (by marketplace, by status): a small bar chart and its table; a click on a bar or a row shows those listings in the catalog. */
function BreakdownCard<K extends string>({
  title,
  id,
  series,
  colors,
  total,
  chartTestId,
  tableTestId,
  onSelect,
  selectLabel,
}: {
  title: string;
  id: string;
  series: readonly SeriesPoint<K>[];
  colors: readonly string[];
  total: number;
  chartTestId: string;
  tableTestId: string;
  onSelect?: (point: SeriesPoint<K>) => void;
  selectLabel: (point: SeriesPoint<K>) => string;
}) {
  const labels = useMemo(() => series.map((p) => p.label), [series]);
  const values = useMemo(() => series.map((p) => p.value), [series]);
  return (
    <Card title={title} id={id}>
      <BarChart
        labels={labels}
        values={values}
        colors={colors}
        horizontal
        title={title}
        summary={seriesText(series)}
        size="small"
        testId={chartTestId}
        onSelect={onSelect === undefined ? undefined : (i) => series[i] !== undefined && onSelect(series[i])}
      />
      <SeriesTable caption={title} series={series} total={total} testId={tableTestId} onSelect={onSelect} selectLabel={selectLabel} />
    </Card>
  );
}

function DashboardBody({ stats, loadedAt, onShowInCatalog }: { stats: DashboardStats; loadedAt: number; onShowInCatalog?: (target: CatalogTarget) => void }) {
  const theme = useTheme();
  const marketplaces = useMemo(() => marketplaceSeries(stats), [stats]);
  const statuses = useMemo(() => statusSeries(stats), [stats]);
  const scores = useMemo(() => scoreSeries(stats), [stats]);
  const activity = useMemo(() => activitySeries(stats), [stats]);
  const mean = approximateMeanScore(stats);
  const changed14 = sumOf(activity);
  const scored = sumOf(scores);
  const mpColors = useMemo(() => marketplaces.map((p) => MARKETPLACE_COLORS[p.key]), [marketplaces]);
  const stColors = useMemo(() => statuses.map((p) => statusColor(p.key, theme)), [statuses, theme]);
  const scLabels = useMemo(() => scores.map((p) => p.label), [scores]);
  const scValues = useMemo(() => scores.map((p) => p.value), [scores]);
  const acLabels = useMemo(() => activity.map((p) => p.label), [activity]);
  const acValues = useMemo(() => activity.map((p) => p.value), [activity]);
  const showMarketplace = onShowInCatalog === undefined ? undefined : (p: SeriesPoint<Marketplace>) => onShowInCatalog({ kind: 'marketplace', value: p.key });
  const showStatus = onShowInCatalog === undefined ? undefined : (p: SeriesPoint<ListingStatus>) => onShowInCatalog({ kind: 'status', value: p.key });

  return (
    <>
      <div className="kpis" role="group" aria-label="Totals">
        <Kpi label="Listings" value={formatInteger(stats.listings)} testId="dash-total" />
        <Kpi
          label="With errors"
          value={formatInteger(stats.withErrors)}
          note={`${percentText(stats.withErrors, stats.listings)} of listings fail a marketplace requirement`}
          testId="dash-with-errors"
          tone={stats.withErrors > 0 ? 'danger' : 'ok'}
          action={onShowInCatalog === undefined || stats.withErrors === 0 ? undefined : { label: 'Show them in the catalog', run: () => onShowInCatalog({ kind: 'errors' }) }}
        />
        <Kpi label="Average quality" value={mean === null ? '—' : `≈ ${mean}`} note="of 100, across scored listings" testId="dash-mean-score" />
        <Kpi label="Changed in 14 days" value={formatInteger(changed14)} note="listing changes (edits, imports, bulk edits)" testId="dash-changed" />
        {stats.unscored > 0 && <Kpi label="Not scored yet" value={formatInteger(stats.unscored)} note="being scored in the background" testId="dash-unscored" tone="warn" />}
      </div>

      <div className="dash-grid">
        <BreakdownCard
          title="Listings by marketplace"
          id="dash-marketplaces"
          series={marketplaces}
          colors={mpColors}
          total={stats.listings}
          chartTestId="chart-marketplaces"
          tableTestId="dash-marketplace-table"
          onSelect={showMarketplace}
          selectLabel={(p) => `Show the ${formatInteger(p.value)} ${p.label} listings in the catalog`}
        />

        <BreakdownCard
          title="Listings by status"
          id="dash-statuses"
          series={statuses}
          colors={stColors}
          total={stats.listings}
          chartTestId="chart-statuses"
          tableTestId="dash-status-table"
          onSelect={showStatus}
          selectLabel={(p) => `Show the ${formatInteger(p.value)} ${p.label.toLowerCase()} listings in the catalog`}
        />

        <Card
          title="Quality score distribution"
          id="dash-scores"
          aside={<span className="muted dash-aside">{formatInteger(scored)} scored listings</span>}
        >
          <BarChart
            labels={scLabels}
            values={scValues}
            colors={SCORE_COLORS}
            title="Listings per quality score"
            summary={seriesText(scores)}
            testId="chart-scores"
            onSelect={onShowInCatalog === undefined ? undefined : (i) => onShowInCatalog({ kind: 'maxScore', value: i >= 9 ? 100 : i * 10 + 9 })}
          />
          <p className="dash-hint muted">Click a bar to open the listings scoring at most that much in the catalog.</p>
          <SeriesTable caption="Listings per quality score" series={scores} hidden testId="dash-score-table" />
        </Card>

        <Card title="Listings changed per day" id="dash-activity" aside={<span className="muted dash-aside">last 14 days</span>}>
          {changed14 === 0 ? (
            <p className="muted dash-empty">No listing changed in the last 14 days. Edits, bulk edits, imports and reverts show up here.</p>
          ) : (
            <BarChart labels={acLabels} values={acValues} colors={theme.accent} title="Listings changed per day" summary={seriesText(activity)} testId="chart-activity" />
          )}
          <SeriesTable caption="Listings changed per day" series={activity} hidden testId="dash-activity-table" />
        </Card>

        <Card title="Top failing rules" id="dash-rules" wide>
          <TopRules stats={stats} />
        </Card>

        <Card title="Recent activity" id="dash-recent" wide>
          <RecentActivity recent={stats.recent} now={loadedAt} />
        </Card>
      </div>
    </>
  );
}

/** The dashboard view. Default export: App.tsx loads it with React.lazy (Chart.js stays out of the initial bundle). */
export default function Dashboard({ onShowInCatalog }: { onShowInCatalog?: (target: CatalogTarget) => void }) {
  const calls = useCalls(dashboardCalls);
  const [handle] = useState(() => createDashboardStore(calls));
  useEffect(() => handle.start(), [handle]);
  const stats = useStore(handle.store, (s) => s.stats);
  const error = useStore(handle.store, (s) => s.error);
  const loading = useStore(handle.store, (s) => s.loading);
  const loadedAt = useStore(handle.store, (s) => s.loadedAt);
  return (
    <section className="dashboard" aria-labelledby="dash-heading" data-testid="dashboard" aria-busy={loading} data-loaded-at={loadedAt ?? ''}>
      <header className="dash-head">
        <h1 id="dash-heading">Dashboard</h1>
        <span className="muted dash-updated" data-testid="dash-updated">
          {loadedAt === null ? (error === null ? 'Loading…' : '') : `Updated ${formatDateTime(loadedAt)} · updates live as the catalog changes`}
        </span>
        {loading && <span className="spinner" aria-label="Refreshing" />}
        <button type="button" className="btn btn-small dash-refresh" onClick={() => void handle.store.getState().refresh()} disabled={loading}>
          Refresh
        </button>
      </header>
      {error !== null && (
        <p className="callout callout-error" role="alert">
          Could not load the dashboard: {error}{' '}
          <button type="button" className="link-button" onClick={() => void handle.store.getState().refresh()}>
            Try again
          </button>
        </p>
      )}
      {stats === null ? (
        error === null && (
          <div className="dash-skeleton" data-state="loading">
            <span className="skeleton-bar" />
            <span className="skeleton-bar short" />
          </div>
        )
      ) : (
        <DashboardBody stats={stats} loadedAt={loadedAt ?? 0} onShowInCatalog={onShowInCatalog} />
      )}
    </section>
  );
}
