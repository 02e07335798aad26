import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { BackupsController } from '../backups/BackupsDialog.js';

const loadAi = () => import('../ai/AiSettingsDialog.js');
const loadDiagnostics = () => import('../diagnostics/DiagnosticsDialog.js');
const AiSettingsDialog = lazy(async () => ({ default: (await loadAi()).AiSettingsDialog }));
const DiagnosticsDialog = lazy(async () => ({ default: (await loadDiagnostics()).DiagnosticsDialog }));

export type Tool = 'ai' | 'backups' | 'diagnostics';

export const TOOL_ITEMS: readonly { tool: Tool; label: string; hint: string; testId: string }[] = [
  { tool: 'ai', label: 'AI settings…', hint: 'Groq key, plan, model and today’s usage', testId: 'ai-settings-button' },
  { tool: 'backups', label: 'Backups…', hint: 'Back up the catalog or restore a backup', testId: 'backups-button' },
  { tool: 'diagnostics', label: 'Diagnostics…', hint: 'Request timings, slow queries, queues, workers and the log file', testId: 'diagnostics-button' },
];

/**
 * Toolbar "Tools ▾": the settings and maintenance dialogs a seller opens now and then, in one menu
 * so the everyday buttons keep their room on a 1280-px screen. A menu button: Enter/Space/↓ open
 * it, arrows move, Escape or a click elsewhere closes it, focus returns to the button.
 */
export function ToolsMenu({ onTool }: { onTool: (tool: Tool) => void }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menuOpen) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [menuOpen]);

  const choose = (next: Tool) => {
    setMenuOpen(false);
    button.current?.focus();
    onTool(next);
  };

  const onMenuKey = (event: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      setMenuOpen(false);
      button.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    } else if (event.key === 'Tab') {
      setMenuOpen(false);
    }
  };

  return (
    <div className="tools-menu">
      <button
        ref={button}
        type="button"
        className="btn"
        data-testid="tools-menu"
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        title="AI settings, backups and diagnostics"
        onPointerEnter={preloadTools}
        onClick={() => setMenuOpen((open) => !open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setMenuOpen(true);
          }
        }}
      >
        Tools
        <svg className="btn-icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="m4 6 4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {menuOpen && (
        <div ref={menu} className="tools-menu-list" role="menu" aria-label="Tools" onKeyDown={onMenuKey}>
          {TOOL_ITEMS.map((item) => (
            <button key={item.tool} type="button" role="menuitem" className="tools-menu-item" data-testid={item.testId} title={item.hint} onClick={() => choose(item.tool)}>
              <span>{item.label}</span>
              <span className="muted tools-menu-hint">{item.hint}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** Loads the tools' dialogs ahead of a click (hovering Tools or More). */
export function preloadTools(): void {
  void loadAi();
  void loadDiagnostics();
}

/**
 * The tools' dialogs, mounted beside the toolbar's items rather than inside the Tools menu, so
 * they open the same from Tools, from the toolbar's More menu and from the desktop menu.
 */
export function ToolDialogs({ tool, onTool }: { tool: Tool | null; onTool: (tool: Tool | null) => void }) {
  return (
    <>
      <BackupsController open={tool === 'backups'} onOpenChange={(open) => onTool(open ? 'backups' : null)} />
      {(tool === 'ai' || tool === 'diagnostics') && (
        <Suspense fallback={null}>{tool === 'ai' ? <AiSettingsDialog onClose={() => onTool(null)} /> : <DiagnosticsDialog onClose={() => onTool(null)} />}</Suspense>
      )}
    </>
  );
}
