import type { Page } from '@playwright/test';

/**
 * Toolbar actions the way a seller reaches them at the window's width: on the bar when they fit,
 * else from More. Which of the two depends on the font's widths, so on the Chromium build.
 */

/** Goes to a row: the toolbar's box, or More → Go to row…. */
export async function goToRow(page: Page, row: number): Promise<void> {
  const box = page.getByTestId('goto-input');
  if (await box.isVisible()) {
    await box.fill(String(row));
    await page.getByTestId('goto-button').click();
    return;
  }
  await page.getByTestId('toolbar-more').click();
  await page.getByTestId('toolbar-more-menu').getByTestId('more-goto').click();
  await page.getByTestId('goto-dialog-input').fill(String(row));
  await page.getByTestId('goto-dialog-button').click();
}

/** Opens a Tools menu item (`diagnostics-button`, `backups-button`…): Tools, or More. */
export async function openTool(page: Page, itemTestId: string): Promise<void> {
  const tools = page.getByTestId('tools-menu');
  if (await tools.isVisible()) {
    await tools.click();
    await page.getByTestId(itemTestId).click();
    return;
  }
  await page.getByTestId('toolbar-more').click();
  await page.getByTestId('toolbar-more-menu').getByTestId(`more-${itemTestId}`).click();
}
