import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox.js';
import { type SandboxPage, servePage } from '../../sandbox/web.js';
import { personOf } from '../../sandbox/workspace.js';
import { silentLogger } from '../../src/logger.js';
import { testDatabaseUri } from '../support/database.js';
import { type Browser, openBrowser, seriousViolations } from './browser.js';

describe('the sandbox page in a browser', () => {
  let sandbox: Sandbox;
  let served: SandboxPage;
  let browser: Browser;
  let page: Page;
  const manager = personOf('manager');
  const freelancer = personOf('freelancer', 1);

  beforeAll(async () => {
    // Monday 9 March 2026, 08:00 in New York: the form's start date is today.
    sandbox = await startSandbox({
      dbUri: testDatabaseUri('sandbox_browser'),
      logger: silentLogger(),
      now: new Date('2026-03-09T12:00:00Z'),
      tick: false,
    });
    served = await servePage(sandbox);
    browser = await openBrowser(served.url);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    await sandbox?.stop();
  });

  const shot = (name: string) => browser.shot(name);
  /** An expression evaluated in the page (the test compiles without the DOM's types). */
  const js = <T>(expression: string) => page.evaluate(expression) as Promise<T>;
  /** Where the keyboard focus is: in the modal or outside, and on which block's element. */
  const focusAt = () =>
    js<string>(`(() => {
      const el = document.activeElement;
      if (!el) return 'none';
      const where = el.closest('#modal') ? 'modal' : 'outside';
      return where + ':' + (el.getAttribute('data-block-id') || el.getAttribute('data-modal') || el.id || el.tagName);
    })()`);

  // Each test starts from a screen without a modal, whatever ran before it (shuffled).
  beforeEach(async () => {
    if (await page.locator('#modal-backdrop').isVisible()) {
      await page.keyboard.press('Escape');
      await page.locator('#modal-backdrop').waitFor({ state: 'hidden' });
    }
  });
  const viewAs = async (userId: string) => {
    await page.selectOption('#person', userId);
  };
  const openPane = (label: string) => page.locator('#sidebar button', { hasText: label }).click();
  const command = async (line: string) => {
    await page.fill('#command-line', line);
    await page.press('#command-line', 'Enter');
  };

  it('plays a mission from /mission-start to the first check-in summary', async () => {
    // The manager types the command and fills in the modal.
    await viewAs(manager.id);
    await openPane('Passerelle (DM)');
    await command('/mission-start');
    const dialog = page.locator('#modal');
    await expect.poll(() => dialog.locator('.bk-modal-title').textContent()).toBe('New mission');
    await dialog.locator('[data-block-id="freelancer"] select').selectOption(freelancer.id);
    await dialog.locator('[data-block-id="title"] input').fill('Checkout redesign');
    await dialog.locator('[data-block-id="brief"] textarea').fill('Rework the mobile checkout funnel.');
    await dialog.locator('[data-block-id="end"] input').fill('2026-06-26');
    await dialog.locator('[data-block-id="channel"] select').selectOption({ label: '#team-payments' });
    await shot('01-mission-modal');
    await dialog.locator('[data-modal="submit"]').click();
    await page.locator('#modal-backdrop').waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('#pane').textContent()).toContain('Checkout redesign');
    await shot('02-manager-after-submit');

    // The freelancer sees the welcome DM and ticks an onboarding item.
    await viewAs(freelancer.id);
    const pane = page.locator('#pane');
    await expect.poll(() => pane.textContent()).toContain('Checkout redesign');
    await shot('03-freelancer-welcome');
    const checklist = pane.locator('article.msg', { has: page.locator('.bk-section .bk-button') }).first();
    const before = await checklist.textContent();
    await checklist.locator('.bk-section .bk-button').first().click();
    await expect.poll(() => checklist.textContent()).not.toBe(before);
    await expect.poll(() => checklist.locator('.msg-edited').count()).toBe(1);
    await shot('04-item-ticked');

    // A week on, the first check-in (Mondays 10:00 in New York) arrives; the freelancer answers it.
    await page.fill('#clock-to', '2026-03-16T10:00');
    await page.click('#clock-advance');
    await expect.poll(() => page.locator('#now').textContent()).toContain('Mar 16, 2026');
    const checkin = pane.locator('article.msg', { hasText: 'Weekly check-in — Checkout redesign' });
    const open = checkin.locator('.bk-button', { hasText: 'Answer the check-in' });
    await open.waitFor();
    await shot('05-checkin-arrived');
    await open.click();
    await expect.poll(() => dialog.locator('.bk-modal-title').textContent()).toBe('Weekly check-in');
    await dialog.locator('[data-block-id="score"] input[value="4"]').check();
    await dialog
      .locator('[data-block-id="progress"] textarea, [data-block-id="progress"] input')
      .fill('Payment step done.');
    await shot('06-checkin-modal');
    await dialog.locator('[data-modal="submit"]').click();
    await page.locator('#modal-backdrop').waitFor({ state: 'hidden' });
    await shot('07-checkin-answered');

    // The manager reads the summary in their DM.
    await viewAs(manager.id);
    await expect.poll(() => pane.textContent()).toContain('Check-in — Checkout redesign');
    const summary = pane.locator('article.msg', { hasText: 'Check-in — Checkout redesign' }).last();
    await expect.poll(() => summary.textContent()).toContain('Sam Rivera answered the check-in');
    expect(await summary.textContent()).toContain('4/5');
    expect(await summary.textContent()).toContain('Payment step done.');
    await shot('08-manager-summary');

    // Opening the Home tab sends app_home_opened: the app publishes the manager's Home.
    await openPane('Home');
    await expect.poll(async () => pane.textContent()).toContain('Missions you manage');
    expect(await pane.textContent()).toContain('Checkout redesign');
    await shot('09-manager-home');
  }, 60_000);

  it('shows the field error of an invalid value inside the modal', async () => {
    await viewAs(manager.id);
    await openPane('Passerelle (DM)');
    await command('/mission-start');
    const dialog = page.locator('#modal');
    await expect.poll(() => dialog.locator('.bk-modal-title').textContent()).toBe('New mission');
    await dialog.locator('[data-block-id="freelancer"] select').selectOption(personOf('freelancer').id);
    await dialog.locator('[data-block-id="title"] input').fill('Data platform audit');
    await dialog.locator('[data-block-id="brief"] textarea').fill('Audit the pipelines.');
    // The end before the start.
    await dialog.locator('[data-block-id="end"] input').fill('2026-01-10');
    await dialog.locator('[data-modal="submit"]').click();
    const error = dialog.locator('[data-block-id="end"] .bk-error');
    await expect.poll(() => error.textContent()).toBe('The end date must be after the start date.');
    // What was typed is still there, and the modal is still open.
    expect(await dialog.locator('[data-block-id="title"] input').inputValue()).toBe('Data platform audit');
    await shot('10-modal-error');
    await dialog.locator('[data-modal="close"]').click();
    await page.locator('#modal-backdrop').waitFor({ state: 'hidden' });
  }, 30_000);

  it('opens on the Home with a “try this” guide, and axe-core finds nothing serious on the Home, a DM and an open modal', async () => {
    await js('localStorage.clear()');
    await page.reload();
    await expect.poll(() => page.locator('#pane-title').textContent()).toBe('Home');
    const guide = page.locator('#pane details.guide');
    await expect.poll(() => guide.textContent()).toContain('Try this');
    await expect.poll(() => page.locator('#pane .bk-home').count()).toBe(1);
    await shot('11-first-screen-home');
    expect(await seriousViolations(page)).toEqual([]);

    await viewAs(manager.id);
    await openPane('Passerelle (DM)');
    await command('/passerelle help');
    await expect.poll(() => page.locator('#pane article.msg').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    await command('/mission-start');
    await expect.poll(() => page.locator('#modal .bk-modal-title').textContent()).toBe('New mission');
    await shot('12-modal-for-axe');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('#modal-backdrop').waitFor({ state: 'hidden' });
  }, 60_000);

  it('works from the keyboard: the command box, Tab kept in the modal, Enter submits, Escape closes, the focus comes back', async () => {
    await viewAs(manager.id);
    await openPane('Passerelle (DM)');
    const dialog = page.locator('#modal');
    // The command box: typed and sent with Enter, the focus stays there.
    await page.focus('#command-line');
    await page.keyboard.type('/mission-start');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('.bk-modal-title').textContent()).toBe('New mission');
    // The modal takes the focus on its first field; its footer never covers the form.
    await expect.poll(focusAt).toBe('modal:freelancer');
    const footer = await dialog.locator('.bk-modal-footer').boundingBox();
    const body = await dialog.locator('.bk-modal-body').boundingBox();
    expect(footer && body && body.y + body.height <= footer.y + 1).toBe(true);
    // Tab goes through the fields in order and stays in the modal.
    const seen: string[] = [await focusAt()];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focusAt());
    }
    expect(seen.filter((w) => !w.startsWith('modal:'))).toEqual([]);
    const order = [...new Set(seen)].map((w) => w.slice('modal:'.length));
    expect(order.indexOf('title')).toBeGreaterThan(order.indexOf('freelancer'));
    expect(order.indexOf('submit')).toBeGreaterThan(order.indexOf('end'));
    // Enter in a one-line field submits: the required fields left empty say so.
    await dialog.locator('[data-block-id="title"] input').focus();
    await page.keyboard.type('Keyboard mission');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('.bk-error').count()).toBeGreaterThan(0);
    await shot('13-enter-submitted');
    // Escape closes the modal and the focus returns to the command box that opened it.
    await page.keyboard.press('Escape');
    await page.locator('#modal-backdrop').waitFor({ state: 'hidden' });
    await expect.poll(focusAt).toBe('outside:command-line');
  }, 60_000);

  it('writes everything the page draws in a French viewer’s language', async () => {
    await viewAs(personOf('freelancer', 0).id);
    await expect.poll(() => js<string>('document.documentElement.lang')).toBe('fr');
    await expect.poll(() => page.locator('#sidebar').textContent()).toContain('Accueil');
    const top = await page.locator('#topbar').textContent();
    expect(top).toContain('Vu par');
    expect(top).toContain('Prochain prévu');
    expect(await page.locator('#command-line').getAttribute('placeholder')).toContain('Tapez une commande');
    await openPane('Accueil');
    await expect.poll(() => page.locator('#pane details.guide').textContent()).toContain('À essayer');
    await page.click('#clock-next');
    await expect
      .poll(() => page.locator('#clock-notes').textContent(), { timeout: 15_000 })
      .toMatch(/^(Envoyés|Rien|Retenus|Clos)/);
    const shown = await page.locator('body').innerText();
    for (const english of [
      '(optional)',
      '(edited)',
      'Only visible to you',
      'No messages yet',
      'Viewing as',
      'Select…',
    ])
      expect(shown).not.toContain(english);
    await shot('14-french-viewer');
  }, 30_000);
});
