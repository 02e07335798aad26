/**
 * What the renderer shows about updates: one state, pushed as the proposed `update.state` event.
 * The shell feeds electron-updater's events through `nextUpdateState`; pure so it is unit tested.
 *   idle → checking → (none → idle) | available → downloading(percent) → ready → (restart)
 * Errors never become a user-facing state when they come from a background check: they only log
 * (the shell passes `userInitiated` for a "Check for updates…" click, which does show them).
 */
import type { UpdateState } from '../../common/desktop-types.js';

export type { UpdateState };

export type UpdateEvent =
  | { type: 'checking-for-update' }
  | { type: 'update-not-available'; at: number }
  | { type: 'update-available'; version: string }
  | { type: 'download-progress'; percent: number; bytesPerSecond?: number }
  | { type: 'update-downloaded'; version: string }
  | { type: 'error'; message: string; userInitiated?: boolean };

export function nextUpdateState(state: UpdateState, event: UpdateEvent): UpdateState {
  if (state.status === 'disabled') return state;
  // A downloaded update stays ready whatever later checks say: the user just has to restart.
  if (state.status === 'ready' && event.type !== 'update-downloaded') return state;
  switch (event.type) {
    case 'checking-for-update':
      return state.status === 'downloading' || state.status === 'available' ? state : { status: 'checking' };
    case 'update-not-available':
      return { status: 'idle', lastCheckedAt: event.at };
    case 'update-available':
      return { status: 'available', version: event.version };
    case 'download-progress': {
      const version = state.status === 'available' || state.status === 'downloading' ? state.version : '';
      const percent = Math.max(0, Math.min(100, Number.isFinite(event.percent) ? event.percent : 0));
      return { status: 'downloading', version, percent, ...(event.bytesPerSecond !== undefined ? { bytesPerSecond: event.bytesPerSecond } : {}) };
    }
    case 'update-downloaded':
      return { status: 'ready', version: event.version };
    case 'error':
      // Background failures (feed down, offline): quiet — back to idle (the shell logs them).
      if (!event.userInitiated) return state.status === 'checking' ? { status: 'idle' } : state.status === 'downloading' ? { status: 'available', version: state.version } : state;
      return { status: 'error', message: event.message.slice(0, 300) };
  }
}
