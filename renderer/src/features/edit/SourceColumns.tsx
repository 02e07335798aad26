import { DIALECT_LABELS, IMPORT_DIALECTS, type ImportDialect } from '../../../../common/import-types.js';
import type { Listing } from '../../../../common/listing.js';

/*
 * The detail pane's "From the file" section: the source columns Listsmith does not model (an
 * Amazon flat file's attribute columns, Shopify metafields, an eBay report's statistics…), shown
 * read-only so the seller sees they were kept, and where they go back to.
 */

const isDialect = (value: string): value is ImportDialect => (IMPORT_DIALECTS as readonly string[]).includes(value);

export function SourceColumns({ listing }: { listing: Listing }) {
  const source = listing.source;
  if (!source) return null;
  const columns = Object.entries(source.columns);
  const variantColumns = listing.variants.reduce((n, variant) => n + Object.keys(variant.columns ?? {}).length, 0);
  if (columns.length === 0 && variantColumns === 0) return null;
  const format = isDialect(source.dialect) ? DIALECT_LABELS[source.dialect] : source.dialect;
  return (
    <section className="detail-section" data-testid="detail-source-columns">
      <h3>From the file ({columns.length})</h3>
      <p className="muted">
        Columns of the {format} file that Listsmith keeps as they were{variantColumns > 0 ? `, plus ${variantColumns} values on variant rows` : ''}. An export to that format writes them back.
      </p>
      {columns.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <tbody>
              {columns.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td className="source-cell" title={value.length > 120 ? value : undefined}>
                    {value.length > 120 ? `${value.slice(0, 117)}…` : value}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
