// One accessibility check for every browser spec: axe-core against WCAG 2.1 A and AA.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { baseURL } from '../playwright.config';

/** The page's violations, one line each ("/path rule: selectors"); empty when it passes. Legacy
 * mode runs axe in the page itself: the default mode opens a second, blank page for every check
 * to combine per-frame results, which made each check 2–3 s instead of 0.6 s here, and our pages
 * have no cross-origin frames for it to combine. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze();
  const where = page.url().replace(baseURL, '');
  return results.violations.map((violation) => `${where} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
