// Browser journeys for the public pages of Specialeportalen, in Debian Chromium through the real
// nginx -> FastCGI -> MariaDB stack (DESIGN: tests in layers). Run: node --test tests/browser/
// against a running stack (scripts/up); PORTAL_URL overrides the base URL.
//
// One browser for the file, a fresh context (cookies, storage, cache) per test (lib.mjs).

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  useBrowser, openPage, assertNoCspViolations, axeCheck, screenshot,
} from './lib.mjs';

const FORM = '/kan-vi-bruge-ordningen';

const UNIVERSITIES = [
  'Københavns Universitet',
  'Aarhus Universitet',
  'Syddansk Universitet',
  'Roskilde Universitet',
  'Aalborg Universitet',
  'Danmarks Tekniske Universitet',
  'Copenhagen Business School',
  'IT-Universitetet i København',
];

useBrowser();

// Navigate and return the navigation response (status included).
async function go(page, path) {
  const resp = await page.goto(path, { waitUntil: 'load' });
  assert.ok(resp, `no response for ${path}`);
  return resp;
}

// Click something that submits the eligibility form; return the navigation response.
async function submitForm(page) {
  const [resp] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest()
      && new URL(r.url()).pathname === FORM),
    page.getByRole('button', { name: 'Se svaret' }).click(),
  ]);
  await page.waitForLoadState('load');
  return resp;
}

function resultHeading(page) {
  return page.locator('section#resultat h2.alert-heading');
}

describe('start page', () => {
  test('renders with DKFDS, lists the eight universities, no console errors or CSP violations',
    async (t) => {
      const { page, problems } = await openPage(t);
      const resp = await go(page, '/');
      assert.equal(resp.status(), 200);
      const csp = resp.headers()['content-security-policy'] || '';
      assert.match(csp, /default-src 'self'/, 'CSP header missing or changed');
      // Wait until the browser has nothing left to fetch (fonts, favicon), so every failed
      // load has been reported before the console is checked.
      await page.waitForLoadState('networkidle');

      assert.equal(await page.title(),
        'Specialeordningen - Specialeportalen - Danmarks Statistik');
      const h1 = page.locator('h1');
      assert.equal(await h1.count(), 1, 'exactly one h1');
      assert.equal((await h1.innerText()).trim(), 'Specialeordningen');

      const items = (await page.locator('main li').allInnerTexts()).map((s) => s.trim());
      for (const uni of UNIVERSITIES) {
        assert.ok(items.some((li) => li.startsWith(uni)), `university not listed: ${uni}`);
      }

      // DKFDS CSS applied: body font is IBM Plex Sans and it really loaded; a DKFDS button
      // has a non-default background.
      const style = await page.evaluate(async () => {
        await document.fonts.ready;
        const btn = document.querySelector('a.button.button-primary');
        return {
          font: getComputedStyle(document.body).fontFamily,
          plexLoaded: document.fonts.check('16px "IBM Plex Sans"')
            && [...document.fonts].some((f) => /IBM Plex Sans/.test(f.family)
              && f.status === 'loaded'),
          btnBg: btn ? getComputedStyle(btn).backgroundColor : null,
        };
      });
      assert.match(style.font, /IBM Plex Sans/, `body font-family is ${style.font}`);
      assert.ok(style.plexLoaded, 'IBM Plex Sans web font did not load');
      assert.ok(style.btnBg && !['rgba(0, 0, 0, 0)', 'transparent'].includes(style.btnBg),
        `.button-primary has no DKFDS background (${style.btnBg})`);

      // DKFDS JS loaded and initialised by portal.js.
      assert.equal(await page.evaluate(() => typeof window.DKFDS), 'object', 'window.DKFDS');
      assert.equal(await page.evaluate(() => typeof window.DKFDS.init), 'function');

      await screenshot(page, 'start.png');
      await assertNoCspViolations(page, problems);
      assert.deepEqual(problems.consoleErrors, [],
        `console errors on the start page:\n${problems.consoleErrors.join('\n')}`);
    });
});

describe('eligibility check', () => {
  test('journey from the start page: KU + thesis programme gives "Ja"', async (t) => {
    const { page, problems } = await openPage(t);
    await go(page, '/');
    await Promise.all([
      page.waitForURL((u) => u.pathname === FORM),
      page.locator('main').getByRole('link', { name: 'Kan vores institution bruge ordningen?' })
        .click(),
    ]);
    assert.equal((await page.locator('h1').innerText()).trim(),
      'Kan vores institution bruge ordningen?');
    assert.equal(await resultHeading(page).count(), 0, 'no result before submitting');

    await page.getByLabel('Hvilket universitet hører institutionen under?')
      .selectOption({ label: 'Københavns Universitet' });
    await page.locator('label[for="uddannelse-0"]').click();
    assert.ok(await page.locator('#uddannelse-0').isChecked(), 'clicking the label checks it');

    const resp = await submitForm(page);
    assert.equal(resp.status(), 200);
    const url = new URL(page.url());
    assert.equal(url.pathname, FORM);
    assert.equal(url.searchParams.get('universitet'), 'ku');
    assert.equal(url.searchParams.get('uddannelse'), 'kandidat-speciale');
    assert.equal((await resultHeading(page).innerText()).trim(), 'Ja, I kan bruge ordningen');
    // The answers survive the round trip, so the user can change one and ask again.
    assert.equal(await page.locator('#universitet').inputValue(), 'ku');
    assert.ok(await page.locator('#uddannelse-0').isChecked());

    await screenshot(page, 'eligibility-yes.png');
    await assertNoCspViolations(page, problems);
  });

  test('another Danish institution: assessed case by case (R3)', async (t) => {
    const { page, problems } = await openPage(t);
    await go(page, FORM);
    await page.locator('#universitet')
      .selectOption({ label: 'En anden dansk uddannelsesinstitution' });
    await page.locator('label[for="uddannelse-0"]').click();
    const resp = await submitForm(page);
    assert.equal(resp.status(), 200);
    assert.equal(new URL(page.url()).searchParams.get('universitet'), 'anden');
    assert.match(await resultHeading(page).innerText(), /vurderer det konkret/);
    await assertNoCspViolations(page, problems);
  });

  test('bachelor programme is refused (R1)', async (t) => {
    const { page, problems } = await openPage(t);
    await go(page, FORM);
    await page.locator('#universitet').selectOption({ label: 'Københavns Universitet' });
    await page.getByText('Bacheloruddannelse', { exact: true }).click();
    assert.ok(await page.locator('#uddannelse-3').isChecked());
    const resp = await submitForm(page);
    assert.equal(resp.status(), 200);
    assert.equal(new URL(page.url()).searchParams.get('uddannelse'), 'bachelor');
    assert.match((await resultHeading(page).innerText()).trim(), /^Nej\b/);
    await assertNoCspViolations(page, problems);
  });

  test('validation: 422, error summary, message next to each missing field', async (t) => {
    const { page, problems } = await openPage(t);
    await go(page, FORM);

    let resp = await submitForm(page);
    assert.equal(resp.status(), 422);
    const summary = page.locator('[data-module="error-summary"]');
    assert.equal(await summary.count(), 1);
    assert.ok(await summary.isVisible(), 'error summary visible');
    assert.equal(await summary.getAttribute('tabindex'), '-1', 'summary can take focus');
    assert.equal(await summary.locator('li a').count(), 2, 'two errors in the summary');
    // Both links in the summary lead to an existing field.
    for (const href of await summary.locator('li a').evaluateAll(
      (as) => as.map((a) => a.getAttribute('href')),
    )) {
      assert.equal(await page.locator(href).count(), 1, `summary link ${href} has a target`);
    }

    const uniGroup = page.locator('.form-group', { has: page.locator('#universitet') });
    const uddGroup = page.locator('.form-group', { has: page.locator('#uddannelse-0') });
    // Each message names what is missing, next to its own field.
    for (const [name, group, text] of [['universitet', uniGroup, /Vælg det universitet/],
      ['uddannelse', uddGroup, /Vælg den slags uddannelse/]]) {
      const msg = group.locator('.form-error-message');
      assert.equal(await msg.count(), 1, `one error message in the ${name} group`);
      assert.ok(await msg.isVisible());
      assert.match(await msg.innerText(), text, `${name} message`);
    }
    // The messages are tied to their fields for screen readers.
    const errId = await uniGroup.locator('.form-error-message').getAttribute('id');
    assert.ok(errId, 'university error message has an id');
    assert.match(await page.locator('#universitet').getAttribute('aria-describedby') || '',
      new RegExp(`\\b${errId}\\b`));
    assert.equal(await page.locator('#universitet').getAttribute('aria-invalid'), 'true');

    // Only the university chosen: it stays selected, only the programme error remains.
    await page.locator('#universitet').selectOption('ku');
    resp = await submitForm(page);
    assert.equal(resp.status(), 422);
    assert.equal(await page.locator('#universitet').inputValue(), 'ku');
    assert.equal(await page.locator('.form-error-message').count(), 1);
    assert.equal(await uniGroup.locator('.form-error-message').count(), 0);
    assert.match(await uddGroup.locator('.form-error-message').innerText(), /Vælg den slags uddannelse/);
    assert.equal(await summary.locator('li a').count(), 1);
    assert.equal(await summary.locator('li a').getAttribute('href'), '#uddannelse-0');
    assert.equal(await resultHeading(page).count(), 0, 'no answer while a field is missing');

    await screenshot(page, 'eligibility-errors.png');
    await assertNoCspViolations(page, problems);
  });
});

describe('keyboard', () => {
  test('first Tab reaches the skip link, which moves to the main content', async (t) => {
    const { page, problems } = await openPage(t);
    await go(page, '/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return { text: el.textContent.trim(), cls: el.className, href: el.getAttribute('href') };
    });
    assert.equal(focused.text, 'Gå til sidens indhold');
    assert.match(focused.cls, /\bskipnav\b/);
    assert.equal(focused.href, '#main-content');
    // The skip link slides on screen when focused (DKFDS: top -4.2rem -> 0 over a 0.2 s
    // transition), so wait for it to settle rather than sample it mid-way.
    const onScreen = await page.waitForFunction(() => {
      const r = document.querySelector('a.skipnav').getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0;
    }, null, { timeout: 2000 }).then(() => true, () => false);
    const box = await page.locator('a.skipnav').boundingBox();
    assert.ok(onScreen, `focused skip link on screen (${JSON.stringify(box)})`);

    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.hash === '#main-content');
    // The next Tab continues inside main, not back in the header.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(
      () => !!document.activeElement.closest('#main-content'),
    );
    assert.ok(inMain, 'after the skip link, Tab moves to an element inside #main-content');
    await assertNoCspViolations(page, problems);
  });
});

describe('not found', () => {
  test('an unknown path gives the Danish 404 page', async (t) => {
    const { page, problems } = await openPage(t);
    const path = `/findes-ikke-${randomBytes(6).toString('hex')}`;
    const resp = await go(page, path);
    assert.equal(resp.status(), 404);
    assert.equal((await page.locator('h1').innerText()).trim(), 'Siden findes ikke');
    assert.match(await page.title(), /Siden findes ikke/);
    await assertNoCspViolations(page, problems);
  });
});

describe('axe-core (WCAG 2.1 A/AA + best practice): no serious or critical violations', () => {
  const pages = [
    ['start', '/', 200],
    ['eligibility-form', FORM, 200],
    ['eligibility-yes', `${FORM}?universitet=ku&uddannelse=kandidat-speciale`, 200],
    ['eligibility-errors', `${FORM}?universitet=&uddannelse=`, 422],
    ['not-found', `/findes-ikke-${randomBytes(6).toString('hex')}`, 404],
  ];
  for (const [name, path, status] of pages) {
    test(name, async (t) => {
      const { page } = await openPage(t);
      const resp = await go(page, path);
      assert.equal(resp.status(), status);
      await axeCheck(page, name);
    });
  }
});
