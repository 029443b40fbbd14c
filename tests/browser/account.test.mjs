// The account journey in Chromium (issue 3): register, confirm the address by the link found in
// the SMTP server's maildir, log in, enrol the second factor (TOTP computed here from the key the
// page shows, as an authenticator app would), log out, log in again with a code. The session
// cookie's flags are read from the browser. axe-core runs on each page of the journey.
// Run: node --test tests/browser/ against a running stack; PORTAL_URL and PORTAL_MAILDIR
// (default var/up/maildir) say where.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
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
const MAILDIR = process.env.PORTAL_MAILDIR || join(ROOT, 'var', 'up', 'maildir');
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

// The mail's text as a person reads it: quoted-printable and base64 parts decoded.
function decodeMail(raw) {
  let text = raw + '\n' + raw.replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  const re = /Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/gi;
  for (const m of raw.matchAll(re)) text += '\n' + Buffer.from(m[1], 'base64').toString('utf8');
  return text;
}

async function findLink(to, path, timeoutMs = 30_000) {
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

test('register, confirm by mail, log in, enrol TOTP, log out, log in with a code', async () => {
  const email = `browser.${randomBytes(4).toString('hex')}@econ.ku.dk`;
  const context = await browser.newContext({ baseURL: BASE, locale: 'da-DK' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try {
    // Register.
    await page.goto('/konto/opret');
    await axe(page, 'account-register');
    await page.getByLabel('Dit fulde navn').fill('Birgitte Browser');
    await page.getByLabel('E-mailadresse fra din institution').fill(email);
    await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Gentag adgangskoden').fill(PASSWORD);
    await page.getByRole('button', { name: 'Opret konto' }).click();
    await page.waitForURL('**/konto/tjek-mail');
    await assert.doesNotReject(page.getByRole('heading', { name: 'Tjek din e-mail' }).waitFor());
    await page.screenshot({ path: join(SHOTS, 'account-check-mail.png'), fullPage: true });

    // The link from the mail, as the person would open it.
    await page.goto(await findLink(email, '/konto/bekraeft'));
    await page.getByRole('button', { name: 'Bekræft e-mailadressen' }).click();
    await page.waitForURL('**/konto/log-ind?besked=bekraeftet');
    assert.match(await page.locator('.alert-success').innerText(), /bekræftet/);
    await axe(page, 'account-login');

    // Log in; the cookie as the browser holds it.
    await page.getByLabel('E-mailadresse').fill(email);
    await page.getByLabel('Adgangskode').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL('**/konto');
    const [cookie] = (await context.cookies()).filter((c) => c.name === '__Host-sid');
    assert.ok(cookie, 'the session cookie is set');
    assert.equal(cookie.secure, true);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.equal(await page.evaluate(() => document.cookie.includes('__Host-sid')), false,
      'HttpOnly: scripts cannot read it');
    assert.match(await page.locator('main').innerText(), /Birgitte Browser/);
    await axe(page, 'account-page');

    // Enrol the second factor.
    await page.getByRole('link', { name: 'Slå to-trins-login til' }).click();
    await page.waitForURL('**/konto/totp');
    const qr = await page.locator('img[src="/konto/totp/qr.svg"]');
    assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'QR code shown');
    await axe(page, 'account-totp');
    await page.screenshot({ path: join(SHOTS, 'account-totp.png'), fullPage: true });
    const key = base32(await page.locator('#totp-secret').innerText());
    assert.equal(key.length, 20);
    await page.getByLabel('Kode fra appen').fill(totp(key));
    await page.getByRole('button', { name: 'Slå to-trins-login til' }).click();
    await page.waitForURL('**/konto?besked=totp');
    assert.match(await page.locator('main').innerText(), /To-trins-login er slået til/);

    // Log out: the header's button; the server forgets the session.
    const before = (await context.cookies()).find((c) => c.name === '__Host-sid').value;
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL('**/konto/log-ind?besked=logget-ud');
    const again = await fetch(`${BASE}/konto`, { headers: { cookie: `__Host-sid=${before}` },
      redirect: 'manual' });
    assert.equal(again.status, 303, 'the old cookie no longer opens the account');

    // Log in again: the password, then a code (the next one, so not the one used at enrolment).
    await page.getByLabel('E-mailadresse').fill(email);
    await page.getByLabel('Adgangskode').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL('**/konto/log-ind/kode');
    await axe(page, 'account-code');
    const wait = 30_000 - (Date.now() % 30_000) + 1_000;
    await new Promise((r) => setTimeout(r, wait));
    await page.getByLabel('Kode').fill(totp(key));
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL('**/konto');
    assert.match(await page.locator('main').innerText(), /Slået til/);
    await page.screenshot({ path: join(SHOTS, 'account-page.png'), fullPage: true });
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});
