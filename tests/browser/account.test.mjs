// The account journey in Chromium (issue 3): register, confirm the address by the link found in
// the SMTP server's maildir, log in, enrol the second factor (TOTP computed here from the key the
// page shows, as an authenticator app would), log out, log in again with a code. The session
// cookie's flags are read from the browser. axe-core runs on each page of the journey.
// Run: node --test tests/browser/ against a running stack; PORTAL_URL and PORTAL_MAILDIR
// (default var/up/maildir) say where.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  BASE, useBrowser, openPage, axeCheck, screenshot, findLink, totp, submitLogin, enrolTotp,
} from './lib.mjs';

const PASSWORD = 'tre grønne heste på taget';

useBrowser();

test('register, confirm by mail, log in, enrol TOTP, log out, log in with a code', async (t) => {
  const email = `browser.${randomBytes(4).toString('hex')}@econ.ku.dk`;
  const { context, page, problems } = await openPage(t, { timeout: 15_000 });

  // Register.
  await page.goto('/konto/opret');
  await axeCheck(page, 'account-register');
  await page.getByLabel('Dit fulde navn').fill('Birgitte Browser');
  await page.getByLabel('E-mailadresse fra din institution').fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Gentag adgangskoden').fill(PASSWORD);
  await page.getByRole('button', { name: 'Opret konto' }).click();
  await page.waitForURL('**/konto/tjek-mail');
  await assert.doesNotReject(page.getByRole('heading', { name: 'Tjek din e-mail' }).waitFor());
  await screenshot(page, 'account-check-mail.png');

  // The link from the mail, as the person would open it.
  await page.goto(await findLink(email, '/konto/bekraeft'));
  await page.getByRole('button', { name: 'Bekræft e-mailadressen' }).click();
  await page.waitForURL('**/konto/log-ind?besked=bekraeftet');
  assert.match(await page.locator('.alert-success').innerText(), /bekræftet/);
  await axeCheck(page, 'account-login');

  // Log in; the cookie as the browser holds it.
  await submitLogin(page, email, PASSWORD);
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
  await axeCheck(page, 'account-page');

  // Enrol the second factor.
  await page.getByRole('link', { name: 'Slå to-trins-login til' }).click();
  await page.waitForURL('**/konto/totp');
  const qr = await page.locator('img[src="/konto/totp/qr.svg"]');
  assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'QR code shown');
  await axeCheck(page, 'account-totp');
  await screenshot(page, 'account-totp.png');
  const key = await enrolTotp(page);
  assert.equal(key.length, 20);
  assert.match(await page.locator('main').innerText(), /To-trins-login er slået til/);

  // Log out: the header's button; the server forgets the session.
  const before = (await context.cookies()).find((c) => c.name === '__Host-sid').value;
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.waitForURL('**/konto/log-ind?besked=logget-ud');
  const again = await fetch(`${BASE}/konto`, { headers: { cookie: `__Host-sid=${before}` },
    redirect: 'manual' });
  assert.equal(again.status, 303, 'the old cookie no longer opens the account');

  // Log in again: the password, then a code (the next one, so not the one used at enrolment).
  await submitLogin(page, email, PASSWORD);
  await page.waitForURL('**/konto/log-ind/kode');
  await axeCheck(page, 'account-code');
  const wait = 30_000 - (Date.now() % 30_000) + 1_000;
  await new Promise((r) => setTimeout(r, wait));
  await page.getByLabel('Kode').fill(totp(key));
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL('**/konto');
  assert.match(await page.locator('main').innerText(), /Slået til/);
  await screenshot(page, 'account-page.png');

  // On a phone without JavaScript there is no drawer to open: the header shows the name and
  // "Log ud" as a plain part of it, and logging out there works (issue 11, WCAG 1.4.10).
  const phone = await openPage(t, { timeout: 15_000, contextOptions: { javaScriptEnabled: false,
    viewport: { width: 375, height: 812 }, storageState: await context.storageState() } });
  await phone.page.goto('/konto');
  const header = phone.page.locator('header');
  assert.equal(await header.getByRole('button', { name: 'Menu', exact: true }).isVisible(), false,
    'no menu button without a script');
  assert.ok(await header.getByRole('link', { name: 'Birgitte Browser' }).isVisible(),
    "the user's name in the header");
  await screenshot(phone.page, 'account-page-375px-no-script.png');
  await header.getByRole('button', { name: 'Log ud', exact: true }).click();
  await phone.page.waitForURL('**/konto/log-ind?besked=logget-ud');
  assert.ok(await phone.page.locator('header').getByRole('link', { name: 'Log ind', exact: true })
    .isVisible(), '"Log ind" in the header after logging out');
  assert.ok(await phone.page.evaluate(() => document.documentElement.scrollWidth
    <= document.documentElement.clientWidth), 'no sideways scrolling without a script');
  await screenshot(phone.page, 'account-logged-out-375px-no-script.png');
  assert.deepEqual(problems.consoleErrors, [], 'no console errors');
});
