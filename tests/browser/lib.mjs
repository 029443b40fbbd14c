// What every browser test file needs (not a test file itself: `node --test` runs *.test.mjs):
// where things are, one Chromium per file started the same way, a fresh page per test that
// records its errors, axe-core, the SMTP server's maildir, and TOTP codes as an authenticator app
// computes them.
//
// axe-core is injected with page.evaluate(source): the page CSP (default-src 'self') blocks
// page.addScriptTag, which inserts an inline <script>; evaluate runs through the DevTools
// protocol, which the page CSP does not govern, so the CSP stays on for the pages under test.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// scripts/test's sanitizer pass writes its own (tests/output/asan), not over the normal pass's.
const OUT = process.env.PORTAL_TEST_OUTPUT || join(ROOT, 'tests', 'output');
const SHOTS = join(OUT, 'screenshots');
const AXE_OUT = join(OUT, 'axe');
export const BASE = (process.env.PORTAL_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const MAILDIR = process.env.PORTAL_MAILDIR || join(ROOT, 'var', 'up', 'maildir');
export const CONFIG = process.env.PORTAL_CONFIG || join(ROOT, 'var', 'up', 'portal.conf');
const PORTALCTL = join(ROOT, 'build', 'main', 'bin', 'portalctl');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let axeSource;
let browser;

// For the test file that calls it: Debian's Chromium, headless, launched before its tests (once
// the portal answers; the output folders made and axe-core read first) and closed after them.
export function useBrowser() {
  before(async () => {
    // Fail fast, with a hint, when no stack is running, instead of a navigation timeout per test.
    const health = await fetch(`${BASE}/healthz`, { signal: AbortSignal.timeout(15_000) })
      .then((r) => r.status, (e) => String(e.cause || e));
    assert.equal(health, 200, `portal not answering at ${BASE}/healthz (start it: scripts/up)`);
    await Promise.all([mkdir(SHOTS, { recursive: true }), mkdir(AXE_OUT, { recursive: true })]);
    axeSource = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
      args: CHROMIUM_ARGS });
  });
  after(async () => {
    if (browser) await browser.close();
  });
}

// A fresh context and page for test t, closed after it, with every console error, uncaught page
// error and CSP violation recorded. CSP violations are caught twice: Chromium logs them as
// console errors, and the securitypolicyviolation event (listener added by an init script, which
// the page CSP does not govern) catches the ones that never reach the console.
// contextOptions: more of Playwright's context options (a viewport, no JavaScript, ...).
export async function openPage(t, { timeout = 10_000, contextOptions = {} } = {}) {
  const context = await browser.newContext({ baseURL: BASE, locale: 'da-DK', ...contextOptions });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`
        + ` at ${e.sourceFile || '?'}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  const problems = { consoleErrors: [], pageErrors: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      problems.consoleErrors.push(`${msg.text()} [${loc.url || page.url()}]`);
    }
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  t.after(() => context.close());
  return { context, page, problems };
}

export async function assertNoCspViolations(page, problems) {
  const fromEvent = await page.evaluate(() => window.__cspViolations || []);
  const fromConsole = problems.consoleErrors.filter((m) => /Content Security Policy/i.test(m));
  const v = [...fromEvent, ...fromConsole];
  assert.deepEqual(v, [], `CSP violations on ${page.url()}:\n${v.join('\n')}`);
  assert.deepEqual(problems.pageErrors, [], `uncaught page errors on ${page.url()}`);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

// The layouts every checked page is also seen in, besides the desktop window it is used in
// (WCAG 1.4.10 Reflow, 1.4.4 Resize text): a phone 375 CSS px wide, and a 1280 x 800 window at
// 200 % zoom, which lays the page out in 640 x 400 CSS px (the same media queries and line
// breaks; only the screenshot has half the pixels a zoomed screen shows).
const NARROW_LAYOUTS = [
  { name: '375px', width: 375, height: 812 },
  { name: 'zoom200', width: 640, height: 400 },
];

// What no page may show (issue 11): a rule id ("R12", "regel R4"), and a stored code where a
// person reads a name or a plain answer (a university's code, the platform's, a checkbox's value).
const RULE_ID = /\bR\d{1,2}\b/;
const RAW_CODES = ['ku', 'au', 'sdu', 'ruc', 'aau', 'dtu', 'cbs', 'itu', 'anden', 'forskermaskinen',
  'hosted', 'ja', 'nej'];

// Run axe on the current page, write the full result to tests/output/axe/NAME.json, fail on
// serious/critical violations. Every page checked here is also checked for what axe cannot see
// (pageChecks): at the desktop width it is used in, then at each narrow layout, each of those
// screenshotted as NAME-LAYOUT.png; the viewport is the desktop one again afterwards.
export async function axeCheck(page, name) {
  await pageChecks(page, 'desktop', { text: true });
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(axeSource);
  }
  const results = await page.evaluate(async (tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations', 'incomplete'],
  }), AXE_TAGS);
  await writeFile(join(AXE_OUT, `${name}.json`), JSON.stringify(results, null, 2));
  assert.ok(results.passes.length > 0 || results.violations.length > 0,
    'axe ran no rules at all; injection failed?');
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n`
    + v.nodes.map((n) => `    target ${JSON.stringify(n.target)}: ${n.failureSummary
      ? n.failureSummary.replace(/\n/g, ' ') : ''}`).join('\n')).join('\n');
  assert.equal(bad.length, 0,
    `axe serious/critical violations on ${name} (${page.url()}):\n${report}`);

  const desktop = page.viewportSize();
  try {
    for (const layout of NARROW_LAYOUTS) {
      await page.setViewportSize({ width: layout.width, height: layout.height });
      await pageChecks(page, layout.name);
      await screenshot(page, `${name}-${layout.name}.png`);
    }
  } finally {
    await page.setViewportSize(desktop);
  }
  return results;
}

// The checks of one page in one layout: nothing pushes it sideways, the header offers log-in or
// log-out, and every checkbox and radio is drawn inside its label; with text, also that the page
// shows no rule id and no raw code (the text is the same in every layout).
async function pageChecks(page, layout, { text = false } = {}) {
  const where = `${page.url()} at ${layout}`;
  await assertNoSideways(page, where);
  await assertHeaderOffersAccount(page, where);
  await assertControlsInLabels(page, where);
  if (text) await assertPlainText(page, where);
}

// WCAG 1.4.10: the document is no wider than the viewport (clientWidth: the viewport without a
// scrollbar). On failure, the elements reaching past it, for the reader of the log.
async function assertNoSideways(page, where) {
  const m = await page.evaluate(() => {
    const doc = document.documentElement;
    const limit = doc.clientWidth;
    const wide = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > limit + 1)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`
        + `${el.className && typeof el.className === 'string' ? `.${el.className.trim().replace(/\s+/g, '.')}` : ''}`
        + ` (right ${Math.round(el.getBoundingClientRect().right)})`);
    return { scrollWidth: doc.scrollWidth, clientWidth: limit, innerWidth: window.innerWidth, wide };
  });
  assert.ok(m.scrollWidth <= m.clientWidth,
    `page wider than the viewport on ${where}: scrollWidth ${m.scrollWidth} > ${m.clientWidth}`
    + ` (innerWidth ${m.innerWidth}); reaching past it: ${m.wide.join(', ')}`);
}

// The header offers "Log ind" or "Log ud" (and with "Log ud" the user's name, a link to the
// account): visible at once, or in DKFDS's mobile drawer behind the header's Menu button, which
// is then opened, checked and closed again.
async function assertHeaderOffersAccount(page, where) {
  const header = page.locator('header');
  const offers = header.getByRole('link', { name: 'Log ind', exact: true })
    .or(header.getByRole('button', { name: 'Log ud', exact: true }));
  const name = header.locator('a[href="/konto"]');
  const visible = async () => (await offers.filter({ visible: true }).count()) > 0;
  const check = async (how) => {
    if ((await header.getByRole('button', { name: 'Log ud', exact: true })
      .filter({ visible: true }).count()) > 0) {
      assert.ok((await name.filter({ visible: true }).count()) > 0,
        `header offers "Log ud" but not the user's name ${how} on ${where}`);
    }
  };
  if (await visible()) {
    await check('at once');
    return;
  }
  const menu = header.getByRole('button', { name: 'Menu', exact: true });
  assert.ok(await menu.isVisible(),
    `header offers neither "Log ind" nor "Log ud" nor a menu on ${where}`);
  await menu.click();
  const drawer = header.locator('.mobile-drawer');
  await drawer.waitFor({ state: 'visible', timeout: 2_000 });
  assert.ok(await visible(), `the header's menu offers neither "Log ind" nor "Log ud" on ${where}`);
  await check('in the menu');
  assert.ok(await header.getByRole('button', { name: 'Luk menuen', exact: true }).isVisible(),
    `the header's menu has no close button on ${where}`);
  // Closed with Escape, which DKFDS's drawer takes too: the close button slides in with the
  // drawer, and a click would wait for the animation to end. Focus goes back to the menu button;
  // taken off it, so the screenshot shows the page as it was.
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden', timeout: 2_000 });
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.mouse.move(0, 0);
}

// Every rendered checkbox and radio has a label (for=its id), and what is drawn for it lies inside
// the label's box, by the boxes Chromium laid out (DevTools protocol): DKFDS draws the box as the
// label's ::before (DESIGN: Pitfalls), a native control draws itself.
const cdpSessions = new WeakMap();
async function assertControlsInLabels(page, where) {
  const ids = await page.evaluate(() => [...document.querySelectorAll(
    'input[type="checkbox"], input[type="radio"]')]
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => el.id || `(no id, name ${el.name})`));
  if (ids.length === 0) return;
  let cdp = cdpSessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    cdpSessions.set(page, cdp);
  }
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const inputs = new Map();
  const labels = new Map();
  (function walk(node) {
    const attrs = {};
    for (let i = 0; i + 1 < (node.attributes || []).length; i += 2) {
      attrs[node.attributes[i]] = node.attributes[i + 1];
    }
    if (node.nodeName === 'INPUT' && attrs.id) inputs.set(attrs.id, node);
    if (node.nodeName === 'LABEL' && attrs.for) labels.set(attrs.for, node);
    for (const child of node.children || []) walk(child);
  }(root));
  const box = async (node) => {
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId });
    const xs = [0, 2, 4, 6].map((i) => model.border[i]);
    const ys = [1, 3, 5, 7].map((i) => model.border[i]);
    return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs),
      bottom: Math.max(...ys) };
  };
  const fmt = (b) => `(${Math.round(b.left)},${Math.round(b.top)})-`
    + `(${Math.round(b.right)},${Math.round(b.bottom)})`;
  for (const id of ids) {
    const input = inputs.get(id);
    const label = labels.get(id);
    assert.ok(input && label, `checkbox/radio ${id} has no label for it on ${where}`);
    const before = (label.pseudoElements || []).find((p) => p.pseudoType === 'before');
    const drawn = await box(before || input);
    const around = await box(label);
    assert.ok(drawn.left >= around.left - 1 && drawn.right <= around.right + 1
      && drawn.top >= around.top - 1 && drawn.bottom <= around.bottom + 1,
    `checkbox/radio ${id} is drawn at ${fmt(drawn)}, outside its label ${fmt(around)} on ${where}`);
  }
}

// No rule id and no raw code in what the page shows (the text, and the text of every element as a
// whole: "ku" as a value, not the letters in a word).
async function assertPlainText(page, where) {
  const found = await page.evaluate(({ rule, codes }) => {
    const text = document.body.innerText;
    const ruleIds = [...text.matchAll(new RegExp(rule, 'g'))].map((m) => {
      const at = m.index;
      return text.slice(Math.max(0, at - 40), at + 10).replace(/\s+/g, ' ');
    });
    const raw = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n.nodeValue.trim().replace(/[.:]$/, '');
      const parent = n.parentElement;
      if (codes.includes(t) && parent && parent.closest('script, style, option, code') === null
        && parent.getClientRects().length > 0) {
        raw.push(`"${t}" in <${parent.tagName.toLowerCase()}> after "`
          + `${(parent.previousElementSibling?.innerText || '').slice(0, 40)}"`);
      }
    }
    return { ruleIds, raw };
  }, { rule: RULE_ID.source, codes: RAW_CODES });
  assert.deepEqual(found.ruleIds, [], `rule ids shown on ${where}`);
  assert.deepEqual(found.raw, [], `raw codes shown on ${where}`);
}

// The mail's text as a person reads it: quoted-printable and base64 parts decoded.
function decodeMail(raw) {
  let text = raw + '\n' + raw.replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  const re = /Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/gi;
  for (const m of raw.matchAll(re)) text += '\n' + Buffer.from(m[1], 'base64').toString('utf8');
  return text;
}

// The link "PATH?token=..." in the newest mail to `to` (PORTAL_MAILDIR, default
// var/up/maildir), waiting for it up to timeoutMs.
export async function findLink(to, path, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  const re = new RegExp(`${path.replace(/[/?]/g, '\\$&')}\\?token=([A-Za-z0-9_-]{43})`);
  while (Date.now() < deadline) {
    let best = null;
    for (const sub of ['new', 'cur']) {
      const dir = join(MAILDIR, sub);
      const names = await readdir(dir).catch(() => []);
      for (const name of names) {
        const file = join(dir, name);
        const raw = await readFile(file, 'latin1');
        if (!new RegExp(`^To:.*${to.replace(/[.+]/g, '\\$&')}`, 'mi').test(raw)) continue;
        const m = decodeMail(raw).match(re);
        const { mtimeMs } = await stat(file);
        if (m && (!best || mtimeMs > best.mtimeMs)) best = { token: m[1], mtimeMs };
      }
    }
    if (best) return `${path}?token=${best.token}`;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to} with a ${path} link in ${MAILDIR}`);
}

// RFC 6238 TOTP (SHA-1, 30 s, 6 digits), as an authenticator app computes it.
export function base32(s) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of s.replace(/[\s=]/g, '').toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

export function totp(key, when = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(when / 1000 / 30)));
  const h = createHmac('sha1', key).update(counter).digest();
  const off = h[h.length - 1] & 0xf;
  const n = (h.readUInt32BE(off) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

// The login form of the current page, filled in and sent.
export async function submitLogin(page, email, password) {
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
}

// The TOTP enrolment page (/konto/totp) completed: the key read off the page, the code for now
// entered. The key, for the codes of later logins.
// landsOn: where the page goes next: the account page, or where the person was going when the
// portal sent them to enrol (e.g. '**/fse').
export async function enrolTotp(page, { landsOn = '**/konto?besked=totp' } = {}) {
  const key = base32(await page.locator('#totp-secret').innerText());
  await page.getByLabel('Kode fra appen').fill(totp(key));
  await page.getByRole('button', { name: 'Slå to-trins-login til' }).click();
  await page.waitForURL(landsOn);
  return key;
}

// One SQL statement list on the stack's database (PORTAL_CONFIG), as the portal's own user; the
// rows printed tab-separated. For the rows earlier steps leave, where another journey walks
// them; only values the test made itself go into the text.
export function sql(statements) {
  const conf = Object.fromEntries(readFileSync(CONFIG, 'utf8').split('\n')
    .map((l) => l.match(/^\s*(db_\w+)\s*=\s*(.*?)\s*$/)).filter(Boolean).map((m) => [m[1], m[2]]));
  return execFileSync('mariadb', ['--no-defaults', '-S', conf.db_socket.split(',')[0],
    '-u', conf.db_user, `-p${conf.db_password}`, '-N', '-B', conf.db_name],
  { input: statements, encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'] });
}

// ---- A journey's steps ----------------------------------------------------------------------

// For a journey of test t: record(page, name) checks the page with axe (desktop, 375 px, 200 %
// zoom) and screenshots it as `<prefix>-NN-<name>`; logIn(who, tag) opens a browser context of
// its own for who ({ name, email }), logs in with password and lands on the account page, which
// it records; sessions lists every context, for the console and CSP check at the end.
export function journey(t, prefix, password) {
  let step = 0;
  const sessions = [];
  async function record(page, name) {
    await page.waitForLoadState('load');
    const tag = `${prefix}-${String(++step).padStart(2, '0')}-${name}`;
    await axeCheck(page, tag);
    await screenshot(page, `${tag}.png`);
  }
  async function logIn(who, tag) {
    const s = await openPage(t, { timeout: 15_000 });
    sessions.push({ who: who.name, ...s });
    const { page } = s;
    await page.goto('/konto/log-ind');
    await submitLogin(page, who.email, password);
    await page.waitForURL('**/konto');
    assert.match(await page.locator('main').innerText(), new RegExp(who.name));
    await record(page, `${tag}-account`);
    return page;
  }
  return { record, logIn, sessions };
}

// ---- Whole mails, for tests that check what a mail says (issue 5) ----------------------------

// RFC 2047 encoded-words (B and Q, UTF-8) decoded; the space between two of them dropped.
function decodeWords(s) {
  return s.replace(/(=\?[^?]+\?[BQbq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BQbq])\?([^?]*)\?=/g, (_, charset, enc, text) => {
      const bytes = enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g,
          (__, h) => String.fromCharCode(parseInt(h, 16))), 'latin1');
      return bytes.toString(/^utf-?8$/i.test(charset) ? 'utf8' : 'latin1');
    });
}

// One maildir file as a person reads the mail: the headers unfolded (encoded-words decoded,
// names lower-cased) and the text of every part (quoted-printable and base64 decoded, UTF-8).
function parseMail(file, buf, mtimeMs) {
  const raw = buf.toString('latin1');
  const split = raw.search(/\r?\n\r?\n/);
  const headers = {};
  for (const line of raw.slice(0, split < 0 ? raw.length : split).replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/)) {
    const m = line.match(/^([\w-]+):\s*(.*)$/);
    if (m) headers[m[1].toLowerCase()] = decodeWords(m[2]);
  }
  const qp = raw.replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  let text = Buffer.from(qp, 'latin1').toString('utf8');
  const re = /Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/gi;
  for (const m of raw.matchAll(re)) text += '\n' + Buffer.from(m[1], 'base64').toString('utf8');
  return { file, mtimeMs, headers, subject: headers.subject || '', to: headers.to || '', text };
}

// A maildir file never changes once delivered (written in tmp/, then moved), so each is read and
// parsed once per test file: after the e2e suites the test stack's maildir holds thousands.
const parsedMails = new Map();

// Every mail in the maildir (PORTAL_MAILDIR) that is to `to` (case-insensitive, part of the To
// header), has exactly the subject `subject` (decoded) and holds every string in `contains`
// (decoded text); oldest first. Any of the three may be left out.
export async function findMails({ to, subject, contains = [] } = {}) {
  const found = [];
  for (const sub of ['new', 'cur']) {
    const dir = join(MAILDIR, sub);
    for (const name of await readdir(dir).catch(() => [])) {
      const file = join(dir, name);
      let mail = parsedMails.get(file);
      if (!mail) {
        const [buf, st] = await Promise.all([readFile(file), stat(file)]).catch(() => []);
        if (!buf) continue;
        mail = parseMail(file, buf, st.mtimeMs);
        parsedMails.set(file, mail);
      }
      if (to && !mail.to.toLowerCase().includes(to.toLowerCase())) continue;
      if (subject !== undefined && mail.subject !== subject) continue;
      if (!contains.every((c) => mail.text.includes(c))) continue;
      found.push(mail);
    }
  }
  return found.sort((a, b) => a.mtimeMs - b.mtimeMs);
}

// The newest mail findMails(filter) finds, waiting for one up to timeoutMs (the mailer daemon
// sends the outbox asynchronously).
export async function waitForMail(filter, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await findMails(filter);
    if (found.length) return found[found.length - 1];
    if (Date.now() >= deadline) {
      throw new Error(`no mail matching ${JSON.stringify(filter)} in ${MAILDIR} after ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

// A caseworker just logged in (on the account page) goes to FSE's pages: enrols the second factor
// when the portal sends them there first, then opens the queue. record(page, name) is the
// caller's screenshot + axe step, run on every page on the way.
export async function fseToQueue(page, record) {
  const main = page.locator('main');
  await main.getByRole('link', { name: 'Forskningsservice', exact: true }).click();
  await page.waitForURL('**/konto/totp?tilbage=%2Ffse');
  await record(page, 'fse-totp');
  // Enrolled, the caseworker lands where they were going (issue 11), not on the account page.
  await enrolTotp(page, { landsOn: '**/fse' });
  await record(page, 'fse-home');
  await main.getByRole('link', { name: 'Sager, der venter på en afgørelse' }).click();
  await page.waitForURL('**/fse/sager');
}

// ---- Setup as an operator, and files made in the test --------------------------------------

// bin/portalctl on the stack's configuration (PORTAL_CONFIG), input on its standard input; its
// output. A failure throws (execFileSync), with portalctl's message on stderr.
export function portalctl(args, input) {
  return execFileSync(PORTALCTL, ['-c', CONFIG, ...args],
    { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'] });
}

// CRC-32 as PNG chunks need it.
function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

// An RGB PNG of width x height, made with node's zlib: a blue band over white.
export function png(width, height) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2;
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 255);
    row[0] = 0;
    if (y < height / 3) for (let x = 0; x < width; x++) row.set([20, 60, 160], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0))]);
}
