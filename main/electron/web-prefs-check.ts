/**
 * Start-up self-check of each window's web preferences: the security settings must be what we
 * asked for, or the window refuses to load anything (a refactor, a library or an Electron default
 * change must never silently weaken the renderer). Pure: takes what `webContents.getLastWebPreferences()`
 * returns (structurally), returns the violations.
 */
export interface WebPrefsLike {
  contextIsolation?: boolean;
  sandbox?: boolean;
  nodeIntegration?: boolean;
  nodeIntegrationInWorker?: boolean;
  nodeIntegrationInSubFrames?: boolean;
  webSecurity?: boolean;
  allowRunningInsecureContent?: boolean;
  webviewTag?: boolean;
  experimentalFeatures?: boolean;
  enableBlinkFeatures?: string;
}

/** What every window asks for: the one list main.ts creates windows with and this check holds them to. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
} as const satisfies Required<Omit<WebPrefsLike, 'enableBlinkFeatures'>>;

const WHY: Record<keyof typeof SECURE_WEB_PREFERENCES, string> = {
  contextIsolation: 'contextIsolation must be on',
  sandbox: 'the renderer must be sandboxed',
  nodeIntegration: 'nodeIntegration must be off',
  nodeIntegrationInWorker: 'nodeIntegrationInWorker must be off',
  nodeIntegrationInSubFrames: 'nodeIntegrationInSubFrames must be off',
  webSecurity: 'webSecurity must be on',
  allowRunningInsecureContent: 'allowRunningInsecureContent must be off',
  webviewTag: '<webview> must be off',
  experimentalFeatures: 'experimental features must be off',
};

export function webPreferenceViolations(prefs: WebPrefsLike | null | undefined): string[] {
  if (!prefs) return ['web preferences are unavailable'];
  const out: string[] = [];
  for (const [key, expected] of Object.entries(SECURE_WEB_PREFERENCES) as [keyof typeof SECURE_WEB_PREFERENCES, boolean][]) {
    // A key Electron leaves out of getLastWebPreferences() has its default, which is the secure value.
    const actual = prefs[key] ?? expected;
    if (actual !== expected) out.push(`${WHY[key]} (is ${String(prefs[key])})`);
  }
  if (prefs.enableBlinkFeatures) out.push('enableBlinkFeatures must be empty');
  return out;
}
