import type { ImportPreview } from '../../../../common/import-types.js';
import { formatInteger } from '../../format.js';
import { useApp } from '../../store/context.js';

/**
 * For a file without ids or SKUs: its rows are new listings, unless the seller asks to update the
 * stored listings that have exactly the same title (core/import/title-matches.ts decides which;
 * a title is no id, so it is never the default). Says how many would match before the seller decides.
 */
export function ImportMatchChoice({ preview, disabled }: { preview: ImportPreview; disabled: boolean }) {
  const matchBy = useApp((s) => s.importWizard.matchBy);
  const setMatchBy = useApp((s) => s.setImportMatchBy);
  const count = preview.titleMatch;
  if (count === null) return null;
  const counted = count.scope === 'file' ? `${formatInteger(count.checked)} listings of the file` : `the first ${formatInteger(count.checked)} listings (the file is too large to count all before importing)`;
  return (
    <div className="import-match" data-testid="import-match" data-matching={count.matching} data-checked={count.checked} data-scope={count.scope}>
      <label className="check">
        <input type="checkbox" data-testid="import-match-title" checked={matchBy === 'title'} disabled={disabled || (count.matching === 0 && matchBy !== 'title')} onChange={(e) => setMatchBy(e.target.checked ? 'title' : 'key')} />
        <span>
          Update listings with the same title ({formatInteger(count.matching)} match) instead of adding new ones
        </span>
      </label>
      <div className="muted import-match-note">
        The file has no id or SKU column, so its rows are added as new listings. Of {counted}, {formatInteger(count.matching)} {count.matching === 1 ? 'has' : 'have'} the exact title of a
        listing in the catalog. Each row updates one listing at most; where several listings share a title, the one with the row’s photo or description is updated, and a row that fits
        none of them is added as a new listing. Rows are never merged.
      </div>
    </div>
  );
}
