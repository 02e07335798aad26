import { describe, expect, it } from 'vitest';
import { parseReleaseArgv, releasePlan } from '../../../scripts/release.mjs';

const url = { LISTSMITH_UPDATE_URL: 'https://updates.example.com/listsmith' };

describe('scripts/release.mjs', () => {
  it('refuses any release without an https update URL', () => {
    for (const value of [undefined, '', 'http://updates.example.com', 'updates.example.com']) {
      const plan = releasePlan({ os: 'linux', publish: 'never', env: { LISTSMITH_UPDATE_URL: value } });
      expect(plan.ok).toBe(false);
      expect(!plan.ok && plan.missing[0]).toMatch(/LISTSMITH_UPDATE_URL/);
    }
    expect(releasePlan({ os: 'linux', publish: 'never', env: url })).toEqual({ ok: true, args: ['--linux', '--publish', 'never'] });
  });

  it('Windows: refuses an unsigned release; a .pfx signs and names the publisher itself', () => {
    const unsigned = releasePlan({ os: 'win', publish: 'never', env: url });
    expect(!unsigned.ok && unsigned.missing.join('\n')).toMatch(/CSC_LINK \+ CSC_KEY_PASSWORD/);
    expect(releasePlan({ os: 'win', publish: 'never', env: { ...url, CSC_LINK: 'cert.pfx', CSC_KEY_PASSWORD: 'x' } })).toEqual({ ok: true, args: ['--win', '--publish', 'never'] });
    const named = releasePlan({ os: 'win', publish: 'never', env: { ...url, WIN_CSC_LINK: 'cert.pfx', WIN_CSC_KEY_PASSWORD: 'x', LISTSMITH_WIN_PUBLISHER_NAME: 'Listsmith Ltd' } });
    expect(named.ok && named.args).toContain('-c.win.signtoolOptions.publisherName=Listsmith Ltd');
  });

  it('Windows with Azure Trusted Signing needs every value, the publisher name included', () => {
    const azure = { ...url, AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's', LISTSMITH_AZURE_ENDPOINT: 'https://weu.codesigning.azure.net', LISTSMITH_AZURE_ACCOUNT: 'acct', LISTSMITH_AZURE_PROFILE: 'prof' };
    const partial = releasePlan({ os: 'win', publish: 'never', env: azure });
    expect(!partial.ok && partial.missing).toEqual(['LISTSMITH_WIN_PUBLISHER_NAME (Azure Trusted Signing)']);
    const full = releasePlan({ os: 'win', publish: 'never', env: { ...azure, LISTSMITH_WIN_PUBLISHER_NAME: 'Listsmith Ltd' } });
    expect(full.ok && full.args).toEqual([
      '--win',
      '--publish',
      'never',
      '-c.win.azureSignOptions.endpoint=https://weu.codesigning.azure.net',
      '-c.win.azureSignOptions.codeSigningAccountName=acct',
      '-c.win.azureSignOptions.certificateProfileName=prof',
      '-c.win.azureSignOptions.publisherName=Listsmith Ltd',
    ]);
  });

  it('macOS needs a signing identity and notarization credentials', () => {
    const none = releasePlan({ os: 'mac', publish: 'never', env: url });
    expect(!none.ok && none.missing).toHaveLength(2);
    expect(releasePlan({ os: 'mac', publish: 'always', env: { ...url, CSC_NAME: 'Developer ID Application: X', APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss' } }).ok).toBe(true);
    expect(releasePlan({ os: 'mac', publish: 'never', env: { ...url, CSC_LINK: 'a.p12', CSC_KEY_PASSWORD: 'x', APPLE_ID: 'a@b', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' } }).ok).toBe(true);
  });

  it('reads exactly one OS and an optional --publish', () => {
    expect(parseReleaseArgv(['--mac'])).toEqual({ os: 'mac', publish: 'never' });
    expect(parseReleaseArgv(['--win', '--publish', 'always'])).toEqual({ os: 'win', publish: 'always' });
    expect(parseReleaseArgv([])).toHaveProperty('error');
    expect(parseReleaseArgv(['--win', '--mac'])).toHaveProperty('error');
    expect(parseReleaseArgv(['--linux', '--publish', 'sometimes'])).toHaveProperty('error');
  });
});
