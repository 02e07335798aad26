/**
 * "Validate the sender of all IPC messages" (Electron security checklist): a contract call is
 * answered only when it comes from the MAIN frame of one of our windows showing an `app://` page.
 * Structural types so the rule is unit tested without Electron (WebFrameMain satisfies FrameLike).
 */
import { isAppUrl } from './resolve-app-url.js';

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
  readonly detached?: boolean;
}

function sameFrame(a: FrameLike, b: FrameLike): boolean {
  return a === b || (a.processId === b.processId && a.routingId === b.routingId);
}

/**
 * @param senderFrame `event.senderFrame` (null once the frame navigated away or was destroyed)
 * @param mainFrames the `webContents.mainFrame` of every window we created
 */
export function isTrustedSender(senderFrame: FrameLike | null | undefined, mainFrames: Iterable<FrameLike>): boolean {
  if (!senderFrame || senderFrame.detached === true) return false;
  if (senderFrame.parent !== null) return false; // a sub-frame (iframe) never talks to the core
  if (!isAppUrl(senderFrame.url)) return false;
  for (const main of mainFrames) {
    if (sameFrame(senderFrame, main)) return true;
  }
  return false;
}
