// Cuts a signed release for one OS (docs/RELEASING.md):
//   node scripts/release.mjs --linux|--win|--mac [--publish always|never]
// Checks that the environment holds what that OS's release needs (update feed URL, signing,
// notarization, the Windows publisher name updates are checked against), then runs
// `electron-builder` with it. Refuses, saying what is missing, instead of producing an unsigned
// build whose updates cannot be verified. `releasePlan` is pure and unit-tested.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const has = (env, name) => typeof env[name] === 'string' && env[name].trim() !== '';

/**
 * @param {{ os: 'linux' | 'win' | 'mac'; publish: 'always' | 'never'; env: Record<string, string | undefined> }} request
 * @returns {{ ok: true; args: string[] } | { ok: false; missing: string[] }}
 */
export function releasePlan({ os, publish, env }) {
  const missing = [];
  const args = [`--${os}`, '--publish', publish];
  const url = env.LISTSMITH_UPDATE_URL?.trim() ?? '';
  if (!/^https:\/\/[^\s/]+/.test(url)) missing.push('LISTSMITH_UPDATE_URL: the https URL the update feed and installers are served from (written into the app)');

  if (os === 'win') {
    const pfx = (has(env, 'WIN_CSC_LINK') || has(env, 'CSC_LINK')) && (has(env, 'WIN_CSC_KEY_PASSWORD') || has(env, 'CSC_KEY_PASSWORD'));
    const azureVars = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'LISTSMITH_AZURE_ENDPOINT', 'LISTSMITH_AZURE_ACCOUNT', 'LISTSMITH_AZURE_PROFILE'];
    const azure = azureVars.some((name) => has(env, name));
    if (azure) {
      for (const name of [...azureVars, 'LISTSMITH_WIN_PUBLISHER_NAME']) if (!has(env, name)) missing.push(`${name} (Azure Trusted Signing)`);
      args.push(
        `-c.win.azureSignOptions.endpoint=${env.LISTSMITH_AZURE_ENDPOINT ?? ''}`,
        `-c.win.azureSignOptions.codeSigningAccountName=${env.LISTSMITH_AZURE_ACCOUNT ?? ''}`,
        `-c.win.azureSignOptions.certificateProfileName=${env.LISTSMITH_AZURE_PROFILE ?? ''}`,
        `-c.win.azureSignOptions.publisherName=${env.LISTSMITH_WIN_PUBLISHER_NAME ?? ''}`,
      );
    } else if (pfx) {
      // electron-builder reads the publisher from the certificate; an explicit name overrides it.
      if (has(env, 'LISTSMITH_WIN_PUBLISHER_NAME')) args.push(`-c.win.signtoolOptions.publisherName=${env.LISTSMITH_WIN_PUBLISHER_NAME}`);
    } else {
      missing.push('Windows signing: CSC_LINK + CSC_KEY_PASSWORD (a .pfx), or Azure Trusted Signing (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, LISTSMITH_AZURE_ENDPOINT, LISTSMITH_AZURE_ACCOUNT, LISTSMITH_AZURE_PROFILE, LISTSMITH_WIN_PUBLISHER_NAME)');
    }
  }

  if (os === 'mac') {
    const identity = (has(env, 'CSC_LINK') && has(env, 'CSC_KEY_PASSWORD')) || has(env, 'CSC_NAME');
    if (!identity) missing.push('macOS signing: CSC_LINK + CSC_KEY_PASSWORD (Developer ID Application .p12), or CSC_NAME (an identity in the keychain)');
    const apiKey = has(env, 'APPLE_API_KEY') && has(env, 'APPLE_API_KEY_ID') && has(env, 'APPLE_API_ISSUER');
    const appleId = has(env, 'APPLE_ID') && has(env, 'APPLE_APP_SPECIFIC_PASSWORD') && has(env, 'APPLE_TEAM_ID');
    if (!apiKey && !appleId) missing.push('macOS notarization: APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER, or APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID');
  }

  return missing.length > 0 ? { ok: false, missing } : { ok: true, args };
}

/**
 * Reads `--linux|--win|--mac` and `--publish always|never`. Default never: the generic provider
 * cannot upload, the files in release/ are copied to the feed host (docs/RELEASING.md); `always`
 * is for a provider that uploads (GitHub Releases, S3).
 */
export function parseReleaseArgv(argv) {
  const oses = ['linux', 'win', 'mac'].filter((os) => argv.includes(`--${os}`));
  if (oses.length !== 1) return { error: 'name exactly one of --linux, --win, --mac' };
  const at = argv.indexOf('--publish');
  const publish = at === -1 ? 'never' : argv[at + 1];
  if (publish !== 'always' && publish !== 'never') return { error: '--publish takes always or never' };
  return { os: /** @type {'linux' | 'win' | 'mac'} */ (oses[0]), publish };
}

function main() {
  const parsed = parseReleaseArgv(process.argv.slice(2));
  if ('error' in parsed) {
    console.error(`release: ${parsed.error}\nusage: node scripts/release.mjs --linux|--win|--mac [--publish always|never]`);
    process.exit(2);
  }
  const plan = releasePlan({ ...parsed, env: process.env });
  if (!plan.ok) {
    console.error(`release for ${parsed.os} refused — set:\n  ${plan.missing.join('\n  ')}\n(docs/RELEASING.md)`);
    process.exit(1);
  }
  const root = resolve(import.meta.dirname, '..');
  const run = (cmd, args) => {
    const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  };
  run('npm', ['run', 'build']);
  run('npx', ['--no', '--', 'electron-builder', ...plan.args]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
