/**
 * Finding things on the SPA's pages the way people and assistive technology do (roles, names, the words shown), so
 * that the tests do not depend on the design system's class names, and a few checks shared by the specs.
 */
import type { Locator, Page } from 'playwright-core';

/** A 320 CSS pixel wide window: WCAG's reflow width (1280 px at 400 % zoom). */
export const NARROW = { width: 320, height: 640 };
/** A 1280 px laptop screen at 200 % zoom. */
export const ZOOMED = { width: 640, height: 450 };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The status tag of a session or request ("Status: Booked"): its hidden prefix tells it apart from other words.
 * `about` narrows it to a status whose words match, e.g. /waiting for the PCN supervisor/i.
 */
export function statusTag(scope: Page | Locator, about?: RegExp): Locator {
  return scope.getByText(about ? new RegExp(`^Status: .*${about.source}`, about.flags) : /^Status: \S/);
}

/** An expectation's state tag ("State: Met"). */
export function stateTag(scope: Page | Locator): Locator {
  return scope.getByText(/^State: \S/);
}

/** The value beside a key of a summary list (a <dt> and its <dd>), e.g. summaryValue(page, 'Track'). */
export async function summaryValue(scope: Page | Locator, key: string): Promise<string> {
  const term = scope.getByRole('term').filter({ hasText: new RegExp(`^${escapeRegExp(key)}$`) });
  return term.first().evaluate((dt) => dt.nextElementSibling?.textContent?.trim() ?? '');
}

/** After a failed submit, focus is on the error summary: an alert that starts "There is a problem". */
export async function expectFocusOnErrorSummary(page: Page, what: string): Promise<void> {
  const focused = await page.evaluate(() => {
    const active = document.activeElement;
    return { role: active?.getAttribute('role') ?? null, text: active?.textContent ?? '' };
  });
  if (focused.role !== 'alert' || !focused.text.startsWith('There is a problem')) {
    throw new Error(
      `After a failed submit of ${what}, focus should be on the error summary, but it is on ` +
        `${focused.role ? `a ${focused.role}` : 'an element'} reading "${focused.text.slice(0, 80)}"`,
    );
  }
}

/** Nothing wider than the window: the page never scrolls sideways (tables scroll inside their own region). */
export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  if (scrollWidth > innerWidth) {
    const widest = await page.evaluate((limit) => {
      const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
        .filter((element) => element.getBoundingClientRect().right > limit + 1)
        .slice(0, 5)
        .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`);
      return wide.join(', ');
    }, innerWidth);
    throw new Error(`${label} scrolls sideways: ${scrollWidth}px of content in a ${innerWidth}px window (${widest})`);
  }
}

/** Waits until the page has stopped loading: no request for half a second and no "Loading …" message left. */
export async function waitUntilLoaded(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .getByRole('status')
    .filter({ hasText: /^(Loading|Checking)\b/ })
    .first()
    .waitFor({ state: 'detached' });
}

/** The NHS date input named `legend` (a fieldset of day, month and year boxes). */
export function dateInput(scope: Page | Locator, legend: string | RegExp): Locator {
  return scope.getByRole('group', { name: legend, exact: typeof legend === 'string' });
}

/** Types a YYYY-MM-DD date into an NHS date input, as a person would: day, month and year; '' empties the boxes. */
export async function fillDate(scope: Page | Locator, legend: string | RegExp, isoDate: string): Promise<void> {
  const group = dateInput(scope, legend).first();
  const [year = '', month = '', day = ''] = isoDate ? isoDate.split('-') : [];
  await group.getByLabel('Day', { exact: true }).fill(day ? String(Number(day)) : '');
  await group.getByLabel('Month', { exact: true }).fill(month ? String(Number(month)) : '');
  await group.getByLabel('Year', { exact: true }).fill(year);
}
