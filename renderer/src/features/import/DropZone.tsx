import { useEffect, useState } from 'react';
import { useApp, useAppStore } from '../../store/context.js';

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer !== null && Array.from(e.dataTransfer.types).includes('Files');
}

/**
 * Drop a file anywhere on the window to import it. Every file drag is intercepted (otherwise the
 * browser would navigate away to the file); while an import runs, drops are refused.
 */
export function DropZone() {
  const store = useAppStore();
  const busy = useApp((s) => s.importWizard.step === 'running' || s.importWizard.step === 'starting');
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0;
    const isBusy = () => {
      const step = store.getState().importWizard.step;
      return step === 'running' || step === 'starting';
    };
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer !== null) e.dataTransfer.dropEffect = isBusy() ? 'none' : 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file === undefined) return;
      store.getState().importFile(file);
    };
    const onEnd = () => {
      depth = 0;
      setDragging(false);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('dragend', onEnd);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('dragend', onEnd);
    };
  }, [store]);

  if (!dragging) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <svg className="drop-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 3v12m0 0-4.5-4.5M12 15l4.5-4.5M4 17v2.5A1.5 1.5 0 0 0 5.5 21h13a1.5 1.5 0 0 0 1.5-1.5V17" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {busy ? (
          <>
            <div className="drop-title">An import is running</div>
            <div className="muted">Wait for it to finish, then drop the next file.</div>
          </>
        ) : (
          <>
            <div className="drop-title">Drop to import</div>
            <div className="muted">Shopify, Etsy, eBay, Amazon, WooCommerce, Google Merchant, CSV or JSON</div>
          </>
        )}
      </div>
    </div>
  );
}
