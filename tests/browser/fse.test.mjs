// The FSE mail page in Chromium (issue 4): a caseworker made with `portalctl create-fse` logs in,
// is sent to enrol the second factor first, then opens the FSE start page and the outbox page,
// filters on dead mail and, when there is one, sends it again. axe-core runs on each page.
// Run: node --test tests/browser/ against a running stack; PORTAL_URL and PORTAL_CONFIG
// (default var/up/portal.conf) say where.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createHmac, randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const OUT = join(ROOT, 'tests', 'output');
const SHOTS = join(OUT, 'screenshots');
const AXE_OUT = join(OUT, 'axe');
const BASE = (process.env.PORTAL_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const CONFIG = process.env.PORTAL_CONFIG || join(ROOT, 'var', 'up', 'portal.conf');
const PORTALCTL = join(ROOT, 'build', 'main', 'bin', 'portalctl');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const PASSWORD = 'tre grønne heste på taget';

let browser;
let axeSource;

before(async () => {
  await Promise.all([mkdir(SHOTS, { recursive: true }), mkdir(AXE_OUT, { recursive: true })]);
  axeSource = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (browser) await browser.close();
});

async function axe(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((tags) => window.axe.run(document,
    { runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
  await writeFile(join(AXE_OUT, `${name}.json`), JSON.stringify(result, null, 2));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id} (${v.impact}): ${v.help} at `
    + v.nodes.map((n) => n.target.join(' ')).join(', ')), [], `axe on ${name}`);
}

// RFC 6238 TOTP (SHA-1, 30 s, 6 digits), as an authenticator app computes it.
function base32(s) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of s.replace(/[\s=]/g, '').toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

function totp(key, when = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(when / 1000 / 30)));
  const h = createHmac('sha1', key).update(counter).digest();
  const off = h[h.length - 1] & 0xf;
  const n = (h.readUInt32BE(off) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

test('an FSE caseworker enrols TOTP, sees the outbox and sends a dead mail again', async () => {
  const email = `fse.browser.${randomBytes(4).toString('hex')}@dst.dk`;
  execFileSync(PORTALCTL, ['-c', CONFIG, 'create-fse', email, 'Frida Forskningsservice',
    'fse_caseworker'], { input: `${PASSWORD}\n`, stdio: ['pipe', 'ignore', 'inherit'] });
  const context = await browser.newContext({ baseURL: BASE, locale: 'da-DK' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try {
    await page.goto('/konto/log-ind');
    await page.getByLabel('E-mailadresse').fill(email);
    await page.getByLabel('Adgangskode').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL('**/konto');

    // FSE staff must use the second factor before any FSE page opens.
    await page.goto('/fse/post');
    await page.waitForURL('**/konto/totp');
    const key = base32(await page.locator('#totp-secret').innerText());
    await page.getByLabel('Kode fra appen').fill(totp(key));
    await page.getByRole('button', { name: 'Slå to-trins-login til' }).click();
    await page.waitForURL('**/konto?besked=totp');

    await page.goto('/fse');
    await axe(page, 'fse-home');
    await page.getByRole('link', { name: 'Post fra portalen' }).click();
    await page.waitForURL('**/fse/post');
    assert.match(await page.locator('h1').innerText(), /Post fra portalen/);
    assert.match(await page.locator('#overblik').innerText(), /Ikke leveret/);
    await axe(page, 'fse-mail');
    await page.screenshot({ path: join(SHOTS, 'fse-mail.png'), fullPage: true });

    // The filter is a plain GET form.
    await page.getByLabel('Vis mails, der er').selectOption('dead');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForURL('**/fse/post?tilstand=dead');
    await axe(page, 'fse-mail-dead');

    // The test stack has dead mail by now (tests/e2e/test_fse); elsewhere there may be none.
    const retry = page.getByRole('button', { name: /^Send igen/ }).first();
    if (await retry.count()) {
      await retry.click();
      await page.waitForURL(/\/fse\/post\?besked=igen&nr=\d+&tilstand=dead$/);
      assert.match(await page.locator('#besked').innerText(), /er sat i kø igen/);
      await axe(page, 'fse-mail-retried');
    }
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});
