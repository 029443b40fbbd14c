// The institution's logo in Chromium (issue 10; R26: Annex 1 carries it): the responsible finds
// the logo page from the roles page, first picks a text file that is called .png and is told at
// the field that it is not a picture, then uploads a real PNG; the picture shows (it loads through
// /fil), the roles page shows it too, and a second upload keeps the first in the history. Every
// page is checked with axe, at desktop width and at 375 px, and no page is wider than its
// viewport. The PNG is made in the test (lib.mjs, with node's zlib); nothing is a stored fixture.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  useBrowser, openPage, assertNoCspViolations, axeCheck, screenshot, submitLogin,
  enrolTotp, portalctl, png,
} from './lib.mjs';

const PASSWORD = 'tre grønne heste på taget';

useBrowser();

test('the responsible uploads the logo Annex 1 carries; a text called .png is refused at the field',
  { timeout: 120_000 }, async (t) => {
    const hex = randomBytes(4).toString('hex');
    const domain = `logo-${hex}.dk`;
    const number = `UA-LG-${hex}`;
    const institution = `Institut for Logoforskning ${hex}`;
    const responsible = { name: 'Lone Logo', email: `lone.logo@${domain}` };
    portalctl(['create-user', responsible.email, responsible.name], `${PASSWORD}\n`);
    portalctl(['create-authorisation', 'ku', institution, number, domain, responsible.email]);

    const { page, problems } = await openPage(t, { timeout: 15_000 });
    const main = page.locator('main');
    let step = 0;
    async function record(name) {
      await page.waitForLoadState('load');
      const tag = `logo-${String(++step).padStart(2, '0')}-${name}`;
      await axeCheck(page, tag);
      await screenshot(page, `${tag}.png`);
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth,
        window.innerWidth]);
      assert.ok(widths[0] <= widths[1], `${tag}: page ${widths[0]} px wide in ${widths[1]} px`);
    }

    await page.goto('/konto/log-ind');
    await submitLogin(page, responsible.email, PASSWORD);
    await page.waitForURL('**/konto');
    await main.getByRole('link', { name: 'Slå det til nu' }).click();
    await page.waitForURL('**/konto/totp');
    await enrolTotp(page);
    await main.getByRole('link', { name: 'Mine autorisationer', exact: true }).click();
    await page.waitForURL('**/autorisation');
    await page.locator('tbody tr', { hasText: number })
      .getByRole('link', { name: /^Roller og historik/ }).click();
    await page.waitForURL(/\/autorisation\/roller\?id=\d+$/);
    assert.match(await main.innerText(), /Der er ikke uploadet et logo endnu/);
    await record('roles-no-logo');
    await main.getByRole('link', { name: /^Se logoet og historikken, eller upload et nyt/ }).click();
    await page.waitForURL(/\/autorisation\/logo\?id=\d+$/);
    await record('logo-page-empty');

    // A letter renamed .png: the message sits at the field, and the field says it is invalid.
    const field = main.getByLabel('Fil med logoet');
    await field.setInputFiles({ name: 'logo.png', mimeType: 'image/png',
      buffer: Buffer.from('Kære Forskningsservice, her er vores logo.\n', 'utf8') });
    await main.getByRole('button', { name: 'Upload logoet' }).click();
    await page.waitForLoadState('load');
    assert.match(await page.locator('#logo-error').innerText(),
      /Filen skal være en PNG- eller JPEG-fil/);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#fejlopsummering').innerText(), /PNG- eller JPEG-fil/);
    await record('logo-refused-text');

    // A real PNG: saved, shown, and the picture really loads through /fil.
    await main.getByLabel('Fil med logoet').setInputFiles({ name: 'Økonomi logo.png',
      mimeType: 'image/png', buffer: png(300, 90) });
    await main.getByRole('button', { name: 'Upload logoet' }).click();
    await page.waitForURL(/\/autorisation\/logo\?id=\d+&besked=gemt$/);
    assert.match(await main.innerText(), /Logoet er gemt/);
    const img = main.getByRole('img', { name: `Logo for ${institution}` });
    await img.first().waitFor();
    assert.equal(await img.first().evaluate((el) => el.complete && el.naturalWidth), 300);
    assert.match(await main.innerText(), /Økonomi logo\.png, 300 × 90 pixel/);
    await record('logo-saved');

    // At 375 px: the picture fits, nothing scrolls sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    await record('logo-saved-375');
    const box = await img.first().boundingBox();
    assert.ok(box && box.width <= 375, `logo ${box && box.width} px wide at 375 px`);
    await page.setViewportSize({ width: 1280, height: 900 });

    // A second upload replaces it; the first stays in the history.
    await main.getByLabel('Fil med logoet').setInputFiles({ name: 'nyt.png',
      mimeType: 'image/png', buffer: png(200, 200) });
    await main.getByRole('button', { name: 'Upload logoet' }).click();
    await page.waitForURL(/besked=gemt$/);
    const history = await main.locator('.file-history').innerText();
    assert.match(history, /nyt\.png.*Bruges nu\./);
    assert.match(history, /Økonomi logo\.png.*Erstattet\./);
    await record('logo-replaced');
    await main.getByRole('link', { name: 'Til roller og historik' }).click();
    await page.waitForURL(/\/autorisation\/roller\?id=\d+$/);
    assert.equal(await main.getByRole('img', { name: `Logo for ${institution}` })
      .evaluate((el) => el.naturalWidth), 200);
    await record('roles-with-logo');
    await assertNoCspViolations(page, problems);
  });
