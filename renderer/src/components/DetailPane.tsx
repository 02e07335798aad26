import { useState, type ReactNode } from 'react';
import { MARKETPLACE_LABELS, STATUS_LABELS, type Listing } from '../../../common/listing.js';
import { descriptionToText, formatDateTime, formatInteger, formatPrice, isDisplayableImageUrl } from '../format.js';
import { useApp } from '../store/context.js';

function Thumb({ src, alt }: { src: string; alt: string }) {
  const [broken, setBroken] = useState(!isDisplayableImageUrl(src));
  if (broken) {
    return (
      <div className="thumb thumb-broken" data-testid="detail-image-unavailable" title={src}>
        image unavailable
      </div>
    );
  }
  return (
    <a className="thumb" href={src} target="_blank" rel="noopener noreferrer" title={src}>
      <img src={src} alt={alt} loading="lazy" decoding="async" referrerPolicy="no-referrer" onError={() => setBroken(true)} />
    </a>
  );
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

function ListingDetail({ listing }: { listing: Listing }) {
  const description = descriptionToText(listing.description);
  const attributes = Object.entries(listing.attributes);
  return (
    <>
      <h2 className="detail-title" data-testid="detail-title">
        {listing.title}
      </h2>
      <div className="detail-badges">
        <span className={`mp mp-${listing.marketplace}`}>{MARKETPLACE_LABELS[listing.marketplace] ?? listing.marketplace}</span>
        <span className={`status status-${listing.status}`}>{STATUS_LABELS[listing.status] ?? listing.status}</span>
        {listing.sourceId !== null && <span className="muted mono">#{listing.sourceId}</span>}
      </div>

      <dl className="fields">
        <Field label="SKU" testId="detail-sku">
          <span className="mono">{listing.sku ?? '—'}</span>
        </Field>
        <Field label="Price" testId="detail-price">
          {formatPrice(listing.priceMinor, listing.currency)}
        </Field>
        <Field label="Quantity" testId="detail-quantity">
          {formatInteger(listing.quantity)}
        </Field>
        <Field label="Brand">{listing.brand ?? '—'}</Field>
        <Field label="Condition">{listing.condition ?? '—'}</Field>
        <Field label="Category">{listing.category ?? '—'}</Field>
        <Field label="Created">{formatDateTime(listing.createdAt)}</Field>
        <Field label="Updated">{formatDateTime(listing.updatedAt)}</Field>
      </dl>

      {listing.tags.length > 0 && (
        <section className="detail-section">
          <h3>Tags</h3>
          <div className="tag-list" data-testid="detail-tags">
            {listing.tags.map((t, i) => (
              <span key={`${i}-${t}`} className="tag">
                {t}
              </span>
            ))}
          </div>
        </section>
      )}

      {listing.materials.length > 0 && (
        <section className="detail-section">
          <h3>Materials</h3>
          <p>{listing.materials.join(', ')}</p>
        </section>
      )}

      {listing.images.length > 0 && (
        <section className="detail-section">
          <h3>Images ({listing.images.length})</h3>
          <div className="thumbs" data-testid="detail-images">
            {listing.images.map((src, i) => (
              <Thumb key={`${i}-${src}`} src={src} alt={`${listing.title} — image ${i + 1}`} />
            ))}
          </div>
        </section>
      )}

      <section className="detail-section">
        <h3>Description</h3>
        {/* Untrusted text: rendered as a text node, never as HTML. */}
        <p className="description" data-testid="detail-description">
          {description === '' ? <span className="muted">No description.</span> : description}
        </p>
      </section>

      {attributes.length > 0 && (
        <section className="detail-section">
          <h3>Attributes</h3>
          <table className="table" data-testid="detail-attributes">
            <tbody>
              {attributes.map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {listing.variants.length > 0 && (
        <section className="detail-section">
          <h3>Variants ({listing.variants.length})</h3>
          <div className="table-scroll">
            <table className="table" data-testid="detail-variants">
              <thead>
                <tr>
                  <th scope="col">Options</th>
                  <th scope="col">SKU</th>
                  <th scope="col" className="align-end">
                    Price
                  </th>
                  <th scope="col" className="align-end">
                    Qty
                  </th>
                </tr>
              </thead>
              <tbody>
                {listing.variants.map((v) => (
                  <tr key={v.id}>
                    <td>{v.options.length > 0 ? v.options.map((o) => `${o.name}: ${o.value}`).join(' · ') : '—'}</td>
                    <td className="mono">{v.sku ?? '—'}</td>
                    <td className="align-end num">{v.priceMinor === null ? <span className="muted">same</span> : formatPrice(v.priceMinor, listing.currency)}</td>
                    <td className="align-end num">{formatInteger(v.quantity)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}

export function DetailPane() {
  const detail = useApp((s) => s.detail);
  const closeDetail = useApp((s) => s.closeDetail);
  if (detail === null) return null;
  return (
    <aside className="detail" aria-label="Listing details" data-testid="detail-pane" data-listing-id={detail.id} aria-busy={detail.loading}>
      <div className="detail-head">
        <span className="muted">Listing {detail.id}</span>
        {detail.loading && <span className="spinner" aria-label="Loading" />}
        <button type="button" className="icon-button" aria-label="Close details" data-testid="detail-close" onClick={closeDetail}>
          ×
        </button>
      </div>
      <div className="detail-body">
        {detail.listing !== null ? (
          <ListingDetail listing={detail.listing} />
        ) : detail.error !== null ? (
          <p className="detail-error" role="alert">
            {detail.error}
          </p>
        ) : (
          <div className="detail-skeleton" data-state="loading">
            <span className="skeleton-bar" />
            <span className="skeleton-bar short" />
            <span className="skeleton-bar" />
          </div>
        )}
      </div>
    </aside>
  );
}
