import { expect, test, type Page } from '@playwright/test';
import { startPhotoCatalog, type PhotoCatalog } from './photo-catalog.js';

/**
 * Issue 17 item 2: the grid's photo column and the detail pane show LOCAL copies of the listing
 * photos, made by the core's photo cache from a plain-http photo server; with that server gone and
 * every request to it cut, the photos are still there.
 */
let catalog: PhotoCatalog;

test.beforeAll(async () => {
  catalog = await startPhotoCatalog();
});
test.afterAll(async () => {
  await catalog?.stop();
});

const readyRows = (page: Page) => page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]');

/** Every photo in the visible rows has loaded from the page's own origin, at thumbnail size. */
async function expectLocalThumbnails(page: Page): Promise<number> {
  const thumbs = page.locator('[data-testid="grid-scroll"] img[data-testid="row-photo"]');
  await expect(thumbs.first()).toBeVisible();
  await expect
    .poll(
      () =>
        thumbs.evaluateAll((imgs) =>
          (imgs as HTMLImageElement[]).every((img) => img.complete && img.naturalWidth === 96 && new URL(img.src).origin === location.origin && new URL(img.src).pathname === '/photos/thumb'),
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
  return thumbs.count();
}

test('the photo column shows local thumbnails, and still does with the photo server cut off', async ({ page }) => {
  const photoRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(catalog.photos.base)) photoRequests.push(request.url());
  });
  await page.goto(catalog.url);
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String(catalog.listings));
  await expect(readyRows(page).first()).toBeVisible();
  const shown = await expectLocalThumbnails(page);
  expect(shown).toBeGreaterThan(5);

  // The photo settings show what the cache did.
  await page.getByTestId('photo-settings-button').click();
  const settings = page.getByTestId('photo-settings');
  await expect(settings.getByTestId('photo-cached')).toHaveAttribute('data-count', String(catalog.listings), { timeout: 30_000 });
  await expect(settings.getByTestId('photo-state')).toHaveAttribute('data-state', 'idle');
  await expect(settings.getByTestId('photo-enabled')).toBeChecked();
  await page.screenshot({ path: test.info().outputPath('photo-settings-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('photo-settings-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await settings.getByRole('button', { name: 'Close' }).first().click();

  // Offline: the photo server is gone, and anything that would still try to reach it is cut.
  await catalog.photos.close();
  await page.route(`${catalog.photos.base}/**`, (route) => route.abort('internetdisconnected'));
  await page.reload();
  await expect(readyRows(page).first()).toBeVisible();
  await expectLocalThumbnails(page);

  // The detail pane shows the local copy (640 px view), not the marketplace address.
  await readyRows(page).first().getByRole('gridcell').nth(1).click();
  const thumb = page.getByTestId('detail-pane').getByTestId('image-thumb').first();
  await expect(thumb).toHaveAttribute('data-state', 'ok');
  await expect(thumb).toHaveAttribute('data-source', 'local');
  await expect.poll(() => thumb.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  // Its link still opens the marketplace's address.
  expect(await thumb.locator('a').getAttribute('href')).toMatch(new RegExp(`^${catalog.photos.base}/photo\\.`));

  // The page itself never asked the photo server for anything: the core did.
  expect(photoRequests).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('photos-offline.png') });
});

test('the setting turns photo downloads off', async ({ page }) => {
  await page.goto(catalog.url);
  await page.getByTestId('photo-settings-button').click();
  const settings = page.getByTestId('photo-settings');
  // Saved by the core first, then shown: click, and wait for the answer.
  await settings.getByTestId('photo-enabled').click();
  await expect(settings.getByTestId('photo-state')).toHaveAttribute('data-state', 'off');
  await expect(settings.getByTestId('photo-enabled')).not.toBeChecked();
  // Copies already saved are still shown; the limit is checked before it is saved.
  await settings.getByTestId('photo-cap').fill('3');
  await expect(settings.getByRole('alert')).toContainText('whole number of MB');
  await settings.getByTestId('photo-enabled').click();
  await expect(settings.getByTestId('photo-enabled')).toBeChecked();
  await expect(settings.getByTestId('photo-state')).not.toHaveAttribute('data-state', 'off');
});
