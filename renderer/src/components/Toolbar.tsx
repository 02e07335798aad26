import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LISTING_STATUSES, MARKETPLACES, MARKETPLACE_LABELS, STATUS_LABELS } from '../../../common/listing.js';
import { formatCount, formatInteger, parseRowNumber } from '../format.js';
import { useApp } from '../store/context.js';
import { importIdOf } from '../store/query.js';
import { ImportExportButtons } from './ImportExportButtons.js';

const SEARCH_DEBOUNCE_MS = 200;

function SearchBox() {
  const setSearch = useApp((s) => s.setSearch);
  const committed = useApp((s) => s.query.search ?? '');
  const [text, setText] = useState(committed);
  const [lastCommitted, setLastCommitted] = useState(committed);
  // Follow outside changes (e.g. "Clear search and filters").
  if (committed !== lastCommitted) {
    setLastCommitted(committed);
    if (committed !== text) setText(committed);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onChange = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSearch(value), SEARCH_DEBOUNCE_MS);
  };
  return (
    <div className="search">
      <svg className="search-icon" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        type="search"
        className="input search-input"
        placeholder="Search titles, SKUs, tags…"
        aria-label="Search listings"
        data-testid="search-input"
        value={text}
        maxLength={500}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            clearTimeout(timer.current);
            setSearch(text);
          } else if (e.key === 'Escape' && text !== '') {
            clearTimeout(timer.current);
            setText('');
            setSearch('');
          }
        }}
      />
    </div>
  );
}

function GoToRow() {
  const total = useApp((s) => s.view?.total ?? 0);
  const goToRow = useApp((s) => s.goToRow);
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const index = parseRowNumber(text, total);
    if (index === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    goToRow(index, 'start');
  };
  return (
    <form className="goto" onSubmit={submit} data-testid="goto-form">
      <label htmlFor="goto-row" className="goto-label">
        Go to row
      </label>
      <input
        id="goto-row"
        className={`input goto-input${invalid ? ' invalid' : ''}`}
        inputMode="numeric"
        placeholder={total > 0 ? `1–${formatInteger(total)}` : '—'}
        aria-invalid={invalid}
        data-testid="goto-input"
        value={text}
        disabled={total === 0}
        onChange={(e) => {
          setText(e.target.value);
          setInvalid(false);
        }}
      />
      <button type="submit" className="btn" data-testid="goto-button" disabled={total === 0}>
        Go
      </button>
    </form>
  );
}

function TotalCount() {
  const total = useApp((s) => s.view?.total ?? null);
  const opening = useApp((s) => s.viewState === 'opening');
  return (
    <div className="total" data-testid="total-count" data-total={total ?? ''} aria-live="polite">
      {total === null ? 'Loading…' : formatCount(total, 'listing', 'listings')}
      {opening && <span className="spinner" aria-label="Updating" />}
    </div>
  );
}

export function Toolbar() {
  return (
    <header className="toolbar" role="toolbar" aria-label="Catalog">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          L
        </span>
        Listsmith
      </div>
      <SearchBox />
      <TotalCount />
      <div className="toolbar-spacer" />
      <ImportExportButtons />
      <GoToRow />
    </header>
  );
}

export function FilterBar() {
  const marketplaces = useApp((s) => s.query.filter.marketplaces);
  const statuses = useApp((s) => s.query.filter.statuses);
  const stats = useApp((s) => s.stats);
  const toggleMarketplace = useApp((s) => s.toggleMarketplace);
  const toggleStatus = useApp((s) => s.toggleStatus);
  const clearFilters = useApp((s) => s.clearFilters);
  const importId = useApp((s) => importIdOf(s.query.filter));
  const importLabel = useApp((s) => s.importLabel);
  const any = (marketplaces?.length ?? 0) > 0 || (statuses?.length ?? 0) > 0 || importId !== undefined;
  return (
    <div className="filterbar">
      {importId !== undefined && (
        <div className="chip-group" role="group" aria-label="Import filter">
          <span className="chip-group-label">Import</span>
          <button
            type="button"
            className="chip on"
            data-testid="filter-import"
            data-import-id={importId}
            title="Showing only the listings this import created or updated. Click to show all listings."
            onClick={clearFilters}
          >
            {importLabel ?? `Import #${importId}`}
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">(remove this filter)</span>
          </button>
        </div>
      )}
      <div className="chip-group" role="group" aria-label="Marketplace filter" data-testid="filter-marketplace">
        <span className="chip-group-label">Marketplace</span>
        {MARKETPLACES.map((m) => {
          const on = marketplaces?.includes(m) ?? false;
          const n = stats?.byMarketplace[m];
          return (
            <button
              key={m}
              type="button"
              className={`chip${on ? ' on' : ''}`}
              aria-pressed={on}
              data-testid={`filter-marketplace-${m}`}
              onClick={() => toggleMarketplace(m)}
            >
              {MARKETPLACE_LABELS[m]}
              {n !== undefined && <span className="chip-count">{formatInteger(n)}</span>}
            </button>
          );
        })}
      </div>
      <div className="chip-group" role="group" aria-label="Status filter" data-testid="filter-status">
        <span className="chip-group-label">Status</span>
        {LISTING_STATUSES.map((st) => {
          const on = statuses?.includes(st) ?? false;
          const n = stats?.byStatus[st];
          return (
            <button
              key={st}
              type="button"
              className={`chip${on ? ' on' : ''}`}
              aria-pressed={on}
              data-testid={`filter-status-${st}`}
              onClick={() => toggleStatus(st)}
            >
              {STATUS_LABELS[st]}
              {n !== undefined && <span className="chip-count">{formatInteger(n)}</span>}
            </button>
          );
        })}
      </div>
      {any && (
        <button type="button" className="link-button" onClick={clearFilters} data-testid="filter-clear">
          Clear filters
        </button>
      )}
    </div>
  );
}
