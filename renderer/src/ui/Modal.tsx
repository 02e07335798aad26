import { useEffect, useRef, type ReactNode } from 'react';

interface ModalProps {
  titleId: string;
  title: ReactNode;
  /** Under the title, e.g. the file name. */
  subtitle?: ReactNode;
  onClose: () => void;
  closeLabel?: string;
  footer?: ReactNode;
  testId: string;
  size?: 'wide' | 'medium';
  busy?: boolean;
  children: ReactNode;
}

/**
 * A modal built on the native <dialog>: showModal() gives the top layer, inert background, focus
 * containment and Escape (routed to onClose so React state stays the source of truth). Focus
 * returns to the control that opened it.
 */
export function Modal({ titleId, title, subtitle, onClose, closeLabel = 'Close', footer, testId, size = 'medium', busy = false, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      if (opener !== null && opener.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal modal-${size}`}
      aria-labelledby={titleId}
      aria-busy={busy}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="modal-head">
        <div className="modal-titles">
          <h2 id={titleId} className="modal-title">
            {title}
          </h2>
          {subtitle !== undefined && <div className="modal-subtitle">{subtitle}</div>}
        </div>
        {busy && <span className="spinner" aria-label="Working" />}
        <button type="button" className="icon-button" aria-label={closeLabel} title={closeLabel} data-testid={`${testId}-close`} onClick={onClose}>
          ×
        </button>
      </div>
      <div className="modal-body">{children}</div>
      {footer !== undefined && <div className="modal-foot">{footer}</div>}
    </dialog>
  );
}
