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

const REQUIRED: [keyof WebPrefsLike, boolean, string][] = [
  ['contextIsolation', true, 'contextIsolation must be on'],
  ['sandbox', true, 'the renderer must be sandboxed'],
  ['nodeIntegration', false, 'nodeIntegration must be off'],
  ['nodeIntegrationInWorker', false, 'nodeIntegrationInWorker must be off'],
  ['nodeIntegrationInSubFrames', false, 'nodeIntegrationInSubFrames must be off'],
  ['webSecurity', true, 'webSecurity must be on'],
  ['allowRunningInsecureContent', false, 'allowRunningInsecureContent must be off'],
  ['webviewTag', false, '<webview> must be off'],
  ['experimentalFeatures', false, 'experimental features must be off'],
];

/** Electron's defaults for keys it may leave out of getLastWebPreferences(). */
const DEFAULTS: WebPrefsLike = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
};

export function webPreferenceViolations(prefs: WebPrefsLike | null | undefined): string[] {
  if (!prefs) return ['web preferences are unavailable'];
  const out: string[] = [];
  for (const [key, expected, message] of REQUIRED) {
    const actual = prefs[key] ?? DEFAULTS[key];
    if (actual !== expected) out.push(`${message} (is ${String(prefs[key])})`);
  }
  if (prefs.enableBlinkFeatures) out.push('enableBlinkFeatures must be empty');
  return out;
}
