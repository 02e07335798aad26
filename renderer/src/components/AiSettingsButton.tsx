import { lazy, Suspense, useState } from 'react';

const loadDialog = () => import('./AiSettingsDialog.js');
const AiSettingsDialog = lazy(() => loadDialog().then((module) => ({ default: module.AiSettingsDialog })));

/** Toolbar "AI…": the Groq key, plan, model and today's usage (dialog loaded on first use). */
export function AiSettingsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" data-testid="ai-settings-button" title="AI rewriting settings: Groq key, plan, model and usage" onPointerEnter={() => void loadDialog()} onClick={() => setOpen(true)}>
        AI…
      </button>
      {open && (
        <Suspense fallback={null}>
          <AiSettingsDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
