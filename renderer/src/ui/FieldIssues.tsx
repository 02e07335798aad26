import type { Issue } from '../../../common/rules/index.js';
import './field-feedback.css';

/** The rule issues of one field, listed beside it as the seller types (errors first). */
export function FieldIssues({ id, issues, testId }: { id: string; issues: readonly Issue[]; testId?: string }) {
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul id={id} className="field-issues" data-testid={testId} aria-live="polite" aria-label={issues.length === 0 ? undefined : 'Issues'}>
      {sorted.map((issue) => (
        <li key={issue.ruleId} className={`field-issue issue-${issue.severity}`} data-rule={issue.ruleId} data-severity={issue.severity}>
          <span className="issue-icon" aria-hidden="true">
            {issue.severity === 'error' ? '!' : 'i'}
          </span>
          <span className="visually-hidden">{issue.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
          <span className="issue-message">{issue.message}</span>
          <span className="issue-points" title={`Costs ${issue.points} points of the quality score (${issue.ruleId})`}>
            −{issue.points}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A problem with what was typed (cannot be saved as is), shown under the field. */
export function FieldProblem({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <p id={id} className="field-problem" role="alert">
      {message}
    </p>
  );
}
