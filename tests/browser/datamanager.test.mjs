// A datamanager's own user access in Chromium (issue 14; R11: an administrator who is also
// datamanager may get user access, to form populations; R14, R15, R24), as the people live it:
// the responsible opens "Datamanagernes brugeradgang" from Mine autorisationer and asks FSE for
// the access, choosing at its label that the person is a new user; the datamanager, once FSE has
// approved them, reads and accepts the user agreement on the same page and is told the access
// waits for the certification course; when the course is there the page says the access is
// active and the fee is on the fees page by name; an administrator's suspension without a
// reason is refused next to the field. Every page is checked with axe at desktop width, at
// 375 px and at 200 % zoom and screenshotted (lib.mjs axeCheck).
//
// FSE's approval in its queue and the course are tests/e2e/test_datamanager.c's over HTTP; here
// they are the rows those steps leave, put in with SQL. People come from portalctl.
// Run: node --test tests/browser/datamanager.test.mjs against a running stack; PORTAL_URL,
// PORTAL_CONFIG and PORTAL_MAILDIR say where.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { useBrowser, assertNoCspViolations, journey, sql, enrolTotp, portalctl } from './lib.mjs';

const PASSWORD = 'fire blå køer i haven';
const DM = 'Dagny Ødegård';

useBrowser();

test('the responsible asks, the datamanager accepts the agreement, the access turns active',
  { timeout: 600_000 }, async (t) => {
    const hex = randomBytes(4).toString('hex');
    const domain = `dm-${hex}.dk`;
    const number = `UA-DM-${hex}`;
    const institution = `Institut for Populationer ${hex}`;
    const fseId = `DMB${String(parseInt(hex.slice(0, 4), 16) % 100000).padStart(5, '0')}`;
    const responsible = { name: 'Rigmor Ansvarlig', email: `rigmor.ansvarlig@${domain}` };
    const dm = { name: DM, email: `dagny.odegaard@${domain}` };
    const admin = { name: 'Aksel Administrator', email: `aksel.administrator@${domain}` };
    const caseworker = { name: 'Sofie Sagsbehandler', email: `sofie.${hex}@dst.dk` };

    portalctl(['create-user', responsible.email, responsible.name], `${PASSWORD}\n`);
    portalctl(['create-authorisation', 'ku', institution, number, domain, responsible.email]);
    portalctl(['create-user', dm.email, dm.name], `${PASSWORD}\n`);
    portalctl(['create-user', admin.email, admin.name], `${PASSWORD}\n`);
    for (const role of ['administrator', 'datamanager'])
      assert.match(portalctl(['grant-role', dm.email, role, number]), /^granted /);
    assert.match(portalctl(['grant-role', admin.email, 'administrator', number]), /^granted /);
    portalctl(['create-fse', caseworker.email, caseworker.name, 'fse_caseworker'], `${PASSWORD}\n`);
    portalctl(['seed-demo-rates']);
    portalctl(['seed-demo-agreement', caseworker.email]);

    const { record, logIn, sessions } = journey(t, 'datamanager', PASSWORD);
    const main = (page) => page.locator('main');
    async function toDatamanagers(page) {
      await page.goto('/autorisation');
      await page.locator('tbody tr', { hasText: number })
        .getByRole('link', { name: /^Datamanagernes brugeradgang/ }).click();
      await page.waitForURL(/\/autorisation\/datamanager\?id=\d+$/);
    }

    // ---- The responsible asks FSE for the access (R10, R11) ---------------------------------
    const r = await logIn(responsible, 'responsible');
    await main(r).getByRole('link', { name: 'Slå det til nu' }).click();
    await r.waitForURL('**/konto/totp');
    await enrolTotp(r);
    await toDatamanagers(r);
    const person = main(r).locator('section.datamanager', { hasText: DM });
    assert.match(await person.innerText(), /Administrator og datamanager/);
    assert.match(await person.innerText(), /Ingen brugeradgang/);
    await record(r, 'responsible-datamanagers');
    await person.getByLabel('Nej, Forskningsservice skal oprette personen som ny bruger').check();
    await person.getByRole('button', { name: `Bed Forskningsservice om brugeradgang til ${DM}` })
      .click();
    await r.waitForURL(/besked=sendt/);
    assert.match(await main(r).locator('#besked').innerText(), /sendt til Forskningsservice/);
    assert.match(await person.innerText(), /Hos Forskningsservice/);
    await record(r, 'responsible-asked');

    // FSE's approval with the id it assigns (tests/e2e/test_datamanager.c decides it over HTTP).
    sql(`SET @c = (SELECT d.case_id FROM datamanager_access d JOIN users u ON u.id = d.user_id
        WHERE u.email = '${dm.email}' AND d.ended_at IS NULL);
      INSERT INTO fse_user_ids (fse_id, email) VALUES ('${fseId}', '${dm.email}');
      UPDATE datamanager_access SET fse_id = '${fseId}', approved_at = NOW(6)
        WHERE case_id = @c;
      UPDATE cases SET state = 'approved' WHERE id = @c;`);

    // ---- The datamanager accepts the agreement; the course is still missing (R14, R15) ------
    const d = await logIn(dm, 'dm');
    await main(d).getByRole('link', { name: 'Slå det til nu' }).click();
    await d.waitForURL('**/konto/totp');
    await enrolTotp(d);
    await toDatamanagers(d);
    assert.match(await d.locator('#min-status').innerText(), /Din adgang er ikke aktiv/);
    await record(d, 'dm-own-access');
    await d.getByRole('button', { name: 'Jeg accepterer brugeraftalen' }).click();
    await d.waitForURL(/besked=aftale/);
    const mine = (text) => d.locator('#min-tjek li', { hasText: text });
    assert.match(await mine('brugeraftalen').innerText(), /^Klar:/);
    assert.match(await mine('certificeringskurset').innerText(), /^Endnu ikke:/);
    assert.match(await d.locator('#min-status').innerText(), /Din adgang er ikke aktiv/);
    await record(d, 'dm-agreed-course-missing');

    // ---- FSE records the course: the access is active, the fee by name (R14, R24) ----------
    const f = await logIn(caseworker, 'fse');
    await main(f).getByRole('link', { name: 'Forskningsservice', exact: true }).click();
    await f.waitForURL('**/konto/totp?tilbage=%2Ffse');
    await enrolTotp(f, { landsOn: '**/fse' });
    await main(f).getByRole('link', { name: 'Certificeringskursus', exact: true }).click();
    await f.waitForURL('**/fse/certificering');
    await f.getByLabel('E-mailadresse', { exact: true }).fill(dm.email);
    await f.getByLabel('Navn', { exact: true }).fill(DM);
    // A date field: the browser takes ISO (en-CA writes YYYY-MM-DD), the Danish day of today.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' })
      .format(new Date());
    await f.getByLabel('Bestået den', { exact: true }).fill(today);
    await f.getByRole('button', { name: 'Registrér', exact: true }).click();
    await f.waitForURL(/\/fse\/certificering\?/);
    await d.reload();
    assert.match(await d.locator('#min-status').innerText(), /Din adgang er aktiv/);
    await record(d, 'dm-active');
    await r.goto(r.url().replace(/\/autorisation\/datamanager\?id=(\d+).*/, '/projekt?id=$1'));
    const fee = r.locator('#gebyrer tbody tr', { hasText: 'Brugergebyr for datamanager' });
    assert.equal(await fee.count(), 1, 'one user fee');
    assert.match(await fee.innerText(), new RegExp(`${DM}.*\\d,\\d\\d kr\\.`, 's'));
    await record(r, 'responsible-fees');

    // ---- An administrator's suspension needs its reason, next to the field (R11) -----------
    const a = await logIn(admin, 'admin');
    await main(a).getByRole('link', { name: 'Slå det til nu' }).click();
    await a.waitForURL('**/konto/totp');
    await enrolTotp(a);
    await toDatamanagers(a);
    const row = main(a).locator('section.datamanager', { hasText: DM });
    await row.getByRole('button', { name: 'Suspendér adgangen' }).click();
    await a.waitForLoadState('load');
    const field = row.getByLabel(/^Suspendér adgangen ved brud på sikkerhedsreglerne/);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.match(await row.locator('.form-error-message').innerText(),
      /Skriv, hvilket brud på sikkerhedsreglerne/);
    await record(a, 'admin-suspend-refused');
    await field.fill('Adgangskode delt med en kollega');
    await row.getByRole('button', { name: 'Suspendér adgangen' }).click();
    await a.waitForURL(/besked=suspenderet/);
    assert.match(await row.innerText(), /Adgangen er ikke aktiv/);
    assert.match(await row.innerText(), /Endnu ikke: Adgangen er suspenderet/);
    await record(a, 'admin-suspended');

    // Chromium logs the deliberately refused suspension's 422 as a failed load: exactly that
    // one is expected, in the administrator's browser; nothing else anywhere.
    const refused = (m) => /^Failed to load resource: the server responded with a status of 422\b.*\[[^\]]*\/autorisation\/datamanager\/suspender\]$/.test(m);
    for (const { who, page, problems } of sessions) {
      await assertNoCspViolations(page, problems);
      const expected = who === admin.name ? problems.consoleErrors.filter(refused) : [];
      assert.equal(expected.length, who === admin.name ? 1 : 0);
      assert.deepEqual(problems.consoleErrors.filter((m) => !refused(m)), [],
        `console errors in ${who}'s browser`);
    }
  });
