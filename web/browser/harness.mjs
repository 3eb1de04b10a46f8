// Shared by the browser tests: a real emenda server with the demo data, the
// Debian Chromium driven by playwright-core, axe checks and screenshots.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { freePort, repo, startServer } from '../scripts/server.mjs';
import { expectContrast } from './contrast.mjs';

export const PASSWORD = 'emenda-demo-2026';
export const STAFF = 'partecipazione@emenda.example';
export const ADMIN = 'admin@emenda.example';
export const CITIZEN = 'giulia_rinaldi@emenda.example';
const results = join(repo, 'web', 'test-results');
mkdirSync(results, { recursive: true });

/** Debian's Chromium, headless. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Starts the server (with `env` added to its environment) and the browser; returns helpers and a stop(). */
export async function setup({ env = {} } = {}) {
  const server = await startServer({ env });
  const browser = await launch();
  const pageErrors = [];
  /** `scale`: device pixels per CSS pixel (2 at 640 × 400 is a 1280 × 800 window zoomed to 200 %). */
  async function newPage({ lang = 'it', width = 1280, height = 900, scale = 1 } = {}) {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale, baseURL: server.url, locale: lang === 'en' ? 'en-GB' : 'it-IT' });
    await context.addInitScript((l) => {
      if (!localStorage.getItem('emenda.lang')) localStorage.setItem('emenda.lang', l);
    }, lang);
    const page = await context.newPage();
    // A public page arrives rendered by the server, and the app then draws
    // it anew: a test waits for the app's page, so that what it finds is
    // not removed under it (a heading found in the server's copy was gone
    // when the test measured it).
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await page.waitForFunction(() => !document.querySelector('[data-server-rendered]'));
      return response;
    };
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('requestfailed', (r) => {
      if (/ERR_CONNECTION_REFUSED/.test(r.failure()?.errorText ?? '')) console.error(`server unreachable; its last log:\n${server.lastLog()}`);
    });
    return page;
  }
  return {
    url: server.url,
    browser,
    newPage,
    pageErrors,
    /** The server's last log lines (for a failure that looks like it went away). */
    serverLog: server.lastLog,
    /** Runs an operator's `emenda` command on the server's database. */
    cli: server.cli,
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}

/**
 * A real SMTP server (tests/smtp/server.py, which needs aiosmtpd) keeping
 * every letter it accepts. `env` points a server's mail at it (`setup({ env })`);
 * `letters(address, count)` waits until `count` letters reached `address`
 * and answers them, oldest first.
 */
export async function startMailbox() {
  const dir = join(mkdtempSync(join(tmpdir(), 'emenda-mail-')), 'box');
  const port = await freePort();
  const smtp = spawn('python3', [join(repo, 'tests/smtp/server.py'), '--port', String(port), '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok, fail) => {
    smtp.stdout.once('data', (d) => (String(d).includes('ready') ? ok() : fail(new Error(String(d)))));
    smtp.once('exit', (code) => fail(new Error(`the SMTP server exited (${code}): is aiosmtpd installed?`)));
  });
  return {
    env: { EMENDA_SMTP_URL: `smtp://127.0.0.1:${port}` },
    async letters(address, count) {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const found = readdirSync(dir)
          .filter((n) => n.endsWith('.json'))
          .sort()
          .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')))
          .filter((m) => m.rcpt_tos.includes(address));
        if (found.length >= count) return found;
        if (Date.now() > deadline) throw new Error(`${found.length} of ${count} letters reached ${address}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: () => smtp.kill(),
  };
}

/**
 * Nodes whose colour-contrast axe could not decide and a person reviewed and
 * found fine: { selector (a substring of axe's target or of the node's
 * HTML), because (a substring of axe's message), reason }. Keep it short:
 * each other cause found was fixed instead (a badge's text sticking out of
 * it, a timeline line drawn as a background, alert icons as backgrounds,
 * lone arrows, a label over a heading, a diff span starting with a line
 * break).
 */
export const AXE_CONTRAST_REVIEWED = [
  {
    selector: 'is-invalid',
    because: 'background image',
    reason:
      "Bootstrap Italia's error icon is a background image at the right end of an invalid field, inside padding that keeps the typed text clear of it; the text is on the field's white (our own check lists it the same way).",
  },
];
for (const r of AXE_CONTRAST_REVIEWED) assert.ok(r.selector && r.because && r.reason, `a reviewed axe node needs a selector, a cause and a reason: ${JSON.stringify(r)}`);

/**
 * Zero axe violations (WCAG 2.1 A and AA) on the page as it is now, no
 * colour-contrast result axe left undecided ("incomplete") unless reviewed
 * above (axe files text it cannot see the background of there, and counting
 * violations alone once let a 2.39:1 badge through), and our own contrast
 * check over every visible text (./contrast.mjs).
 */
export async function expectAccessible(page, label) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
  assert.deepEqual(summary, [], `axe violations on ${label}:\n${summary.join('\n')}`);
  const undecided = result.incomplete
    .filter((r) => r.id === 'color-contrast')
    .flatMap((r) => r.nodes)
    .filter((n) => !AXE_CONTRAST_REVIEWED.some((a) => `${n.target.join(' ')} ${n.html}`.includes(a.selector) && n.any.some((c) => c.message.includes(a.because))))
    .map((n) => `${n.target.join(' ')}: ${n.any.map((c) => c.message).join('; ')}\n    ${n.html.slice(0, 120)}`);
  assert.deepEqual(undecided, [], `axe could not decide the colour contrast on ${label} (fix the cause, or review and list it in AXE_CONTRAST_REVIEWED):\n${undecided.join('\n')}`);
  await expectContrast(page, label);
  return result.passes.length;
}

/**
 * Whether an API request (its path, with or without a query) is the log
 * witness's on the proposal page (src/api/witness.ts): the current
 * version's leaf index, then the inclusion and consistency proofs. It runs
 * after the page is drawn and nothing waits for it, so the page's own
 * request budget counts it apart; it makes at most three.
 */
export function isWitnessRequest(path) {
  return /^\/api\/v1\/(log\/(inclusion|consistency)|proposals\/[^/?]+\/versions\/\d+)(\?|$)/.test(path);
}

const ELIDED = { il: "l'", del: "dell'", dal: "dall'" };

/**
 * The source of a regular expression for an Italian date after an article,
 * as the app writes it on any day of the month: "il 20 giugno 2026", but
 * "l'8 giugno 2026", "dall'11 giugno 2026" and "il 1° giugno 2026". A test
 * that spelled only "il \\d+" failed on the 1st, 8th and 11th.
 */
export function itDate(article) {
  return `(?:${article} |${ELIDED[article]})\\d+°? \\w+ \\d{4}`;
}

/** Each language at a desk and at 320 px, as `[lang, width]`, for a test run in all four. */
export const LAYOUTS = [
  ['it', 1280],
  ['en', 1280],
  ['it', 320],
  ['en', 320],
];

/** Saves a screenshot of the page under web/test-results/. */
export async function screenshot(page, name) {
  await page.screenshot({ path: join(results, `${name}.png`), fullPage: true });
}

/** Saves a screenshot of one element (a section, a banner) under web/test-results/, to look at closely. */
export function elementShot(locator, name) {
  return locator.screenshot({ path: join(results, `${name}.png`) });
}

/** The page does not scroll sideways (at 320 px nothing may need it). */
export async function noSideScroll(page, label) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${label}: horizontal scroll of ${overflow}px`);
}

/** Signs in through the form. */
export async function signIn(page, email, password = PASSWORD) {
  await page.goto('/accedi');
  await page.locator('#si-email').fill(email);
  await page.locator('#si-password').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/accedi'));
}

/** A session token for API calls the test makes directly (as staff, say). */
export async function apiLogin(url, email, password = PASSWORD) {
  const r = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  assert.equal(r.status, 200, `login ${email}`);
  return (await r.json()).access_token;
}

/** Calls the API directly. */
export async function apiCall(url, method, path, token, body) {
  const r = await fetch(`${url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

/** Registers a fresh participant through the API. */
export async function apiRegister(url, name) {
  const nickname = `u${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  const email = `${nickname}@example.org`;
  const r = await apiCall(url, 'POST', '/api/v1/auth/register', null, { email, password: PASSWORD, nickname, display_name: name, privacy_version: 1 });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return { email, nickname, token: await apiLogin(url, email) };
}
