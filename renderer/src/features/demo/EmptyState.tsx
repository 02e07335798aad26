import { useState } from 'react';
import { formatInteger } from '../../format.js';
import { useApp } from '../../store/context.js';
import { EmptyCard } from '../../ui/EmptyCard.js';

const DEMO_SIZES = [1_000, 100_000, 1_000_000] as const;

export function EmptyState() {
  const demo = useApp((s) => s.demo);
  const startDemo = useApp((s) => s.startDemo);
  const [count, setCount] = useState<number>(DEMO_SIZES[0]);
  const pct = demo.total > 0 ? Math.min(100, (demo.done / demo.total) * 100) : 0;
  return (
    <div className="empty" data-testid="empty-state">
      <EmptyCard>
        <h1>Your catalog is empty</h1>
        <p>
          Listsmith keeps every listing you sell — on eBay, Etsy, Amazon, Shopify and more — in one fast catalog on this
          computer. Search, sort and inspect hundreds of thousands of listings instantly, with nothing leaving your machine.
        </p>
        <p className="muted" data-testid="empty-import-hint">
          Bring your listings in with <strong>Import…</strong> in the toolbar, or drop a marketplace export (Shopify, Etsy, eBay,
          Amazon, WooCommerce, Google Merchant, CSV, JSON) anywhere on this window.
        </p>
        <p className="muted" data-testid="empty-demo-hint">
          Or try it with a generated demo catalog. To remove it later, use the bin (Delete…) in the toolbar on the whole catalog — that can be undone too.
        </p>
        <fieldset className="demo-sizes" disabled={demo.running}>
          <legend className="visually-hidden">Demo catalog size</legend>
          {DEMO_SIZES.map((n) => (
            <label key={n} className={`demo-size${count === n ? ' on' : ''}`}>
              <input type="radio" name="demo-size" value={n} checked={count === n} onChange={() => setCount(n)} data-testid={`demo-size-${n}`} />
              {formatInteger(n)} listings
            </label>
          ))}
        </fieldset>
        <button type="button" className="btn btn-primary" data-testid="demo-load" disabled={demo.running} onClick={() => void startDemo(count)}>
          {demo.running ? 'Generating…' : 'Load demo catalog'}
        </button>
        {demo.running && (
          <div className="progress-wrap" data-testid="demo-progress">
            <progress className="progress" max={demo.total} value={demo.done} aria-label="Demo catalog progress" />
            <div className="muted progress-text">
              {formatInteger(demo.done)} of {formatInteger(demo.total)} listings ({Math.floor(pct)} %)
            </div>
          </div>
        )}
      </EmptyCard>
    </div>
  );
}
