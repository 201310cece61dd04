import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox.js';
import { type SandboxPage, servePage } from '../../sandbox/web.js';
import { personOf } from '../../sandbox/workspace.js';
import { silentLogger } from '../../src/logger.js';
import { testDatabaseUri } from '../support/database.js';

/** Where the screenshots of each step go (git-ignored, as all of .cache/). */
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.cache/sandbox-screenshots');
/** Debian's chromium (`apt-get install chromium`; .ci/run installs it): never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';
/** Without these, Chromium tries background connections the machine's closed network refuses. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('the sandbox page in a browser', () => {
  let sandbox: Sandbox;
  let served: SandboxPage;
  let context: BrowserContext;
  let profile: string;
  let page: Page;
  const manager = personOf('manager');
  const freelancer = personOf('freelancer', 1);

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run installs it)`);
    }
    await mkdir(SCREENSHOTS, { recursive: true });
    // Monday 9 March 2026, 08:00 in New York: the form's start date is today.
    sandbox = await startSandbox({
      dbUri: testDatabaseUri('sandbox_browser'),
      logger: silentLogger(),
      now: new Date('2026-03-09T12:00:00Z'),
      tick: false,
    });
    served = await servePage(sandbox);
    profile = await mkdtemp(path.join(tmpdir(), 'sandbox-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
    page.on('dialog', (d) => void d.accept());
    await page.goto(served.url);
  });

  afterAll(async () => {
    await context?.close();
    await served?.stop();
    await sandbox?.stop();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
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
});
