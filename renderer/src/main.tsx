import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '../../common/client.js';
import { App, NoConnection } from './App.js';
import { selectTransport } from './bridge/select-transport.js';
import { ErrorBoundary } from './ui/ErrorBoundary.js';
import { createAppStore } from './store/app-store.js';
import { ClientContext } from './store/client-context.js';
import { StoreContext } from './store/context.js';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('#root is missing from index.html');
const root = createRoot(container);

const selected = selectTransport();
if (selected.kind === 'none') {
  root.render(<NoConnection />);
} else {
  const client = createClient(selected.transport);
  const handle = createAppStore({
    client,
    transportKind: selected.kind,
    initialConnection: selected.kind === 'web' ? selected.transport.connection() : undefined,
  });
  if (selected.kind === 'web') selected.transport.onConnection((info) => handle.connectionChanged(info));
  handle.start();
  window.addEventListener('unhandledrejection', (e) => {
    handle.store.getState().pushError(e.reason);
  });
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <ClientContext.Provider value={client}>
          <StoreContext.Provider value={handle.store}>
            <App />
          </StoreContext.Provider>
        </ClientContext.Provider>
      </ErrorBoundary>
    </StrictMode>,
  );
}
