/**
 * Window bounds remembered between launches. Pure (no Electron import): the shell reads/writes the
 * JSON file in userData and passes the current displays' work areas (`screen.getAllDisplays()`),
 * so a window saved on a monitor that is now unplugged (or a smaller screen) comes back visible.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
  fullScreen?: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 800, height: 500 };
/** How much of the title bar must be on a display for the saved position to be kept. */
const MIN_VISIBLE = 100;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 100_000;

/** Parses the saved JSON; null for anything malformed (a hand-edited or truncated file). */
export function parseWindowState(text: string | null | undefined): WindowState | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const s = raw as Partial<WindowState> | null;
  const b = s?.bounds as Partial<Rect> | undefined;
  if (!s || typeof s !== 'object' || !b || !isInt(b.x) || !isInt(b.y) || !isInt(b.width) || !isInt(b.height)) return null;
  return { bounds: { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) }, maximized: s.maximized === true, fullScreen: s.fullScreen === true };
}

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * The bounds to open with: the saved ones when the window's title bar is visible on some display
 * (size clamped to that display), else the default size centred on the primary display (the first
 * work area). `saved` null → defaults.
 */
export function restoreWindowState(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height };
  const centred = (): Rect => {
    const width = Math.min(DEFAULT_SIZE.width, primary.width);
    const height = Math.min(DEFAULT_SIZE.height, primary.height);
    return { x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height };
  };
  if (!saved) return { bounds: centred(), maximized: false };

  const titleBar: Rect = { x: saved.bounds.x, y: saved.bounds.y, width: saved.bounds.width, height: 40 };
  const host = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o !== null && o.width >= Math.min(MIN_VISIBLE, saved.bounds.width) && o.height >= 20;
  });
  if (!host) {
    const bounds = centred();
    return { bounds: { ...bounds, width: clamp(saved.bounds.width, MIN_SIZE.width, primary.width), height: clamp(saved.bounds.height, MIN_SIZE.height, primary.height) }, maximized: saved.maximized };
  }
  const width = clamp(saved.bounds.width, MIN_SIZE.width, host.width);
  const height = clamp(saved.bounds.height, MIN_SIZE.height, host.height);
  const x = clamp(saved.bounds.x, host.x - width + MIN_VISIBLE, host.x + host.width - MIN_VISIBLE);
  const y = clamp(saved.bounds.y, host.y, host.y + host.height - 40);
  return { bounds: { x, y, width, height }, maximized: saved.maximized, ...(saved.fullScreen ? { fullScreen: true } : {}) };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(Math.max(lo, hi), v));
}
