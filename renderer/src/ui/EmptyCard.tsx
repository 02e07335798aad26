import type { ReactNode } from 'react';

/** The centred card with the Listsmith mark: an empty catalog, a page that is not connected. */
export function EmptyCard({ children }: { children: ReactNode }) {
  return (
    <div className="empty-card">
      <div className="empty-mark" aria-hidden="true">
        L
      </div>
      {children}
    </div>
  );
}
