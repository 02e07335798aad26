import { lazy, Suspense, useState } from 'react';

/** The panel's code loads only when it is first opened (or the button hovered). */
const loadDiagnostics = () => import('./DiagnosticsDialog.js');
const DiagnosticsDialog = lazy(async () => ({ default: (await loadDiagnostics()).DiagnosticsDialog }));

/** Toolbar "Diagnostics": request timings, slow queries, queues, worker health and the log file. */
export function DiagnosticsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="diagnostics-button"
        title="Diagnostics: request timings, slow queries, queues, workers and the log file"
        onClick={() => setOpen(true)}
        onPointerEnter={() => void loadDiagnostics()}
        onFocus={() => void loadDiagnostics()}
      >
        Diagnostics
      </button>
      {open && (
        <Suspense fallback={null}>
          <DiagnosticsDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
