// The FSE mail page in Chromium (issue 4): a caseworker made with `portalctl create-fse` logs in,
// is sent to enrol the second factor first, then opens the FSE start page and the outbox page,
// filters on dead mail and, when there is one, sends it again. axe-core runs on each page.
// Run: node --test tests/browser/ against a running stack; PORTAL_URL and PORTAL_CONFIG
// (default var/up/portal.conf) say where.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  ROOT, useBrowser, openPage, axeCheck, screenshot, submitLogin, enrolTotp,
} from './lib.mjs';

const CONFIG = process.env.PORTAL_CONFIG || join(ROOT, 'var', 'up', 'portal.conf');
const PORTALCTL = join(ROOT, 'build', 'main', 'bin', 'portalctl');
const PASSWORD = 'tre grønne heste på taget';

useBrowser();

test('an FSE caseworker enrols TOTP, sees the outbox and sends a dead mail again', async (t) => {
  const email = `fse.browser.${randomBytes(4).toString('hex')}@dst.dk`;
  execFileSync(PORTALCTL, ['-c', CONFIG, 'create-fse', email, 'Frida Forskningsservice',
    'fse_caseworker'], { input: `${PASSWORD}\n`, stdio: ['pipe', 'ignore', 'inherit'] });
  const { page, problems } = await openPage(t, { timeout: 15_000 });

  await page.goto('/konto/log-ind');
  await submitLogin(page, email, PASSWORD);
  await page.waitForURL('**/konto');

  // FSE staff must use the second factor before any FSE page opens.
  await page.goto('/fse/post');
  await page.waitForURL('**/konto/totp?tilbage=%2Ffse%2Fpost');
  await enrolTotp(page, { landsOn: '**/fse/post' });

  await page.goto('/fse');
  await axeCheck(page, 'fse-home');
  await page.getByRole('link', { name: 'Post fra portalen' }).click();
  await page.waitForURL('**/fse/post');
  assert.match(await page.locator('h1').innerText(), /Post fra portalen/);
  assert.match(await page.locator('#overblik').innerText(), /Ikke leveret/);
  await axeCheck(page, 'fse-mail');
  await screenshot(page, 'fse-mail.png');

  // The filter is a plain GET form.
  await page.getByLabel('Vis mails, der er').selectOption('dead');
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await page.waitForURL('**/fse/post?tilstand=dead');
  await axeCheck(page, 'fse-mail-dead');

  // The test stack has dead mail by now (tests/e2e/test_fse); elsewhere there may be none.
  const retry = page.getByRole('button', { name: /^Send igen/ }).first();
  if (await retry.count()) {
    await retry.click();
    await page.waitForURL(/\/fse\/post\?besked=igen&nr=\d+&tilstand=dead$/);
    assert.match(await page.locator('#besked').innerText(), /er sat i kø igen/);
    await axeCheck(page, 'fse-mail-retried');
  }
  // The rate table (issue 6; R29): shown, and a wrong amount refused at its field, input kept;
  // nothing is written, so the shared test database keeps its rates.
  await page.goto('/fse');
  await page.getByRole('link', { name: /takster/i }).first().click();
  await page.waitForURL('**/fse/takster');
  await axeCheck(page, 'fse-rates');
  await screenshot(page, 'fse-rates.png');
  await page.getByLabel('Beløb i kroner').fill('tolv kroner');
  await page.getByLabel('Gælder fra og med').fill('2999-01-01');
  await page.getByRole('button', { name: 'Tilføj taksten' }).click();
  await page.waitForLoadState('load');
  assert.match(await page.locator('#beloeb-error').innerText(), /\S/);
  assert.equal(await page.getByLabel('Beløb i kroner').inputValue(), 'tolv kroner');
  await axeCheck(page, 'fse-rates-error');

  // Every case, not only the waiting ones: the queue's filter is a plain GET form.
  await page.goto('/fse/sager');
  await page.getByLabel('Vis sager, der er').selectOption('alle');
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await page.waitForURL('**/fse/sager?tilstand=alle**');
  assert.equal(await page.locator('h1').innerText(), 'Sager');
  await axeCheck(page, 'fse-cases-all');
  // The rate form's refusal is a 422 document: Chromium logs it as a failed load, nothing else.
  assert.deepEqual(problems.consoleErrors.filter((e) => !/422/.test(e)), [],
    'no console errors');
});
