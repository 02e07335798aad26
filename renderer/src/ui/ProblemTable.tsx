import { useState, type ReactNode } from 'react';
import { rowUnitHeading } from '../../../common/import-report-text.js';
import type { RowProblem } from '../../../common/import-types.js';
import { formatInteger } from '../format.js';

const FIRST = 100;
const MORE = 500;

interface ProblemTableProps {
  problems: readonly RowProblem[];
  /** How many there are in all, when the list is a capped sample. */
  total?: number;
  testId: string;
  caption: string;
  tone: 'error' | 'warning' | 'info';
  /** Header of the column holding `column` (e.g. "Column" or "Field"). */
  columnLabel?: string;
  /**
   * What `line` holds: a line of the imported file, an item of an XML feed or JSON array (the
   * report's rowUnit), or (exports) the id of the listing in the catalog — 0 means the problem
   * concerns the whole file either way.
   */
  lineIs?: 'file-line' | 'file-item' | 'listing-id';
}

/** Rows with a problem (line, column, message). Shows the first 100 and grows on request, so thousands never stall the UI. */
export function ProblemTable({ problems, total, testId, caption, tone, columnLabel = 'Column', lineIs = 'file-line' }: ProblemTableProps) {
  const [shown, setShown] = useState(FIRST);
  const all = Math.max(total ?? 0, problems.length);
  if (problems.length === 0) return null;
  const visible = problems.slice(0, shown);
  return (
    <ProblemSection
      tone={tone}
      caption={caption}
      count={all}
      testId={testId}
      head={
        <>
          <th scope="col" className={`align-end col-line${lineIs === 'listing-id' ? ' col-listing-id' : ''}`} data-testid={`${testId}-line-header`}>
            {lineIs === 'listing-id' ? 'Listing ID' : rowUnitHeading(lineIs === 'file-item' ? 'item' : 'line')}
          </th>
          <th scope="col" className="col-column">
            {columnLabel}
          </th>
          <th scope="col">Message</th>
        </>
      }
      footer={
        (problems.length > shown || all > problems.length) && (
          <div className="problems-more">
            <span className="muted">
              Showing {formatInteger(visible.length)} of {formatInteger(all)}
              {all > problems.length && problems.length <= shown ? ' (the rest are in the saved report)' : ''}
            </span>
            {problems.length > shown && (
              <>
                <button type="button" className="link-button" data-testid={`${testId}-more`} onClick={() => setShown(shown + MORE)}>
                  Show {formatInteger(Math.min(MORE, problems.length - shown))} more
                </button>
                <button type="button" className="link-button" onClick={() => setShown(problems.length)}>
                  Show all
                </button>
              </>
            )}
          </div>
        )
      }
    >
      {visible.map((p, i) => (
        <tr key={i} data-testid="problem-row" data-line={p.line}>
          <td className="align-end num col-line">{p.line <= 0 ? '—' : lineIs === 'listing-id' ? String(p.line) : formatInteger(p.line)}</td>
          <td className="col-column">{p.column ?? '—'}</td>
          <td>{p.message}</td>
        </tr>
      ))}
    </ProblemSection>
  );
}

/** A titled, counted, scrolling table of problems: ProblemTable's and bulk edit's skipped listings' shell. */
export function ProblemSection({
  tone,
  caption,
  count,
  testId,
  head,
  children,
  footer,
}: {
  tone: 'error' | 'warning' | 'info';
  caption: string;
  count: number;
  testId: string;
  /** The header row's cells. */
  head: ReactNode;
  /** The rows. */
  children: ReactNode;
  /** Below the table (a "Showing 100 of 2,000" line). */
  footer?: ReactNode;
}) {
  return (
    <section className={`problems problems-${tone}`} data-testid={testId} data-count={count}>
      <h3 className="section-title">
        {caption} <span className="section-count">{formatInteger(count)}</span>
      </h3>
      <div className="problems-scroll">
        <table className="table problems-table">
          <thead>
            <tr>{head}</tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {footer}
    </section>
  );
}
