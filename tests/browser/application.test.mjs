// The application for an education authorisation in Chromium, as its users live it (issue 5):
// an applicant registers with an institutional address and applies in five steps with a break in
// the middle (logged out and in again, the draft kept, R32); the personnel-responsible manager
// confirms by the mailed link without an account (R4.2); the submission mails FSE (R5) and gives
// the applicant a receipt (R31); an FSE caseworker returns it with a message, the applicant
// changes one field and sends it again, the caseworker sees exactly that change and approves; the
// applicant, now responsible because the manager has no account, enrols the second factor and
// invites a supervisor inside the application's domains (R6, R9), who registers and accepts by
// the mailed link (R34). Every page of the journey is screenshotted and checked with axe-core
// (R31: WCAG 2.1 AA), and no page logs a console error.
//
// People act by links, buttons and labelled fields; URLs are typed only for the portal's front
// page and for links that arrive by mail. Run: node --test tests/browser/ against a running stack;
// PORTAL_URL, PORTAL_CONFIG and PORTAL_MAILDIR say where.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, useBrowser, openPage, assertNoCspViolations, axeCheck, screenshot, findLink,
  submitLogin, enrolTotp, findMails, waitForMail, fseToQueue,
} from './lib.mjs';

const CONFIG = process.env.PORTAL_CONFIG || join(ROOT, 'var', 'up', 'portal.conf');
const PORTALCTL = join(ROOT, 'build', 'main', 'bin', 'portalctl');
const PASSWORD = 'tre grønne heste på taget';

// FSE's mailbox as the stack is configured (R5); the documented default otherwise.
function fseMailbox() {
  let text = '';
  try {
    text = readFileSync(CONFIG, 'utf8');
  } catch {
    // no configuration file: the programs use the default too
  }
  const m = text.match(/^\s*fse_mailbox\s*=\s*(\S+)\s*$/m);
  return m ? m[1] : 'FSEautorisation@dst.dk';
}

useBrowser();

// The limit stops a hang; it does not time the pages. About 60 pages and five argon2id logins
// take 70 s on an idle machine and over 180 s on a loaded two-core one; each page also laid out,
// checked and screenshotted at 375 px and 200 % zoom took 330 s at load 7-11.
test('apply with a break, manager confirms, FSE returns, resubmit, approve, invite a supervisor',
  { timeout: 600_000 }, async (t) => {
    const hex = randomBytes(4).toString('hex');
    const domain = `oek-${hex}.dk`;
    const applicant = { name: 'Anne Ansøger', email: `anne.ansoeger@${domain}` };
    const manager = { name: 'Lars Leder', email: `lars.leder@${domain}` }; // no account
    const supervisor = { name: 'Vera Vejleder', email: `vera.vejleder@${domain}` };
    const caseworker = { name: 'Sif Sagsbehandler', email: `sif.${hex}@dst.dk` };
    const unit = `Økonomisk Institut ${hex}`;
    const oldUrl = `https://www.${domain}/miljoe`;
    const newUrl = `https://www.${domain}/forskning/registerdata`;
    const reason = `Adressen på miljøets side virker ikke (${hex}). Ret den, og send igen.`;
    const persons = [
      ['Ea Et', `ea@${domain}`, 'Vejleder', 'DST-adgang under forskerordningen siden 2012'],
      ['Bo To', `bo@${domain}`, 'Vejleder', 'Registerdata i otte år'],
      ['Cy Tre', `cy@${domain}`, 'Lektor', 'Projekter på Forskermaskinen'],
    ];

    // Each page of the journey: axe-core, then a numbered screenshot under the same name.
    let step = 0;
    async function record(page, name) {
      await page.waitForLoadState('load');
      const tag = `application-${String(++step).padStart(2, '0')}-${name}`;
      await axeCheck(page, tag);
      await screenshot(page, `${tag}.png`);
    }
    const main = (page) => page.locator('main');
    const sessions = [];
    async function browserFor(who) {
      const s = await openPage(t, { timeout: 15_000 });
      sessions.push({ who, ...s });
      return s.page;
    }

    // From the registration form: register, confirm the address by the mailed link, log in.
    async function registerAndLogIn(page, who, tag) {
      await page.getByRole('button', { name: 'Opret konto' }).waitFor();
      await record(page, `${tag}-register`);
      await page.getByLabel('Dit fulde navn').fill(who.name);
      await page.getByLabel('E-mailadresse fra din institution').fill(who.email);
      await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
      await page.getByLabel('Gentag adgangskoden').fill(PASSWORD);
      await page.getByRole('button', { name: 'Opret konto' }).click();
      await page.waitForURL('**/konto/tjek-mail');
      await record(page, `${tag}-check-mail`);
      await page.goto(await findLink(who.email, '/konto/bekraeft'));
      await record(page, `${tag}-confirm-address`);
      await page.getByRole('button', { name: 'Bekræft e-mailadressen' }).click();
      await page.waitForURL('**/konto/log-ind?besked=bekraeftet');
      await record(page, `${tag}-login`);
      await submitLogin(page, who.email, PASSWORD);
      await page.waitForURL('**/konto');
      assert.match(await main(page).innerText(), new RegExp(who.name));
      await record(page, `${tag}-account`);
    }

    // ---- The applicant registers and starts an application ------------------------------------
    const a = await browserFor('applicant');
    await a.goto('/');
    await record(a, 'front-page');
    await a.getByRole('link', { name: 'Log ind', exact: true }).click();
    await a.waitForURL('**/konto/log-ind');
    await a.getByRole('link', { name: 'Opret en konto' }).click();
    await a.waitForURL('**/konto/opret');
    await registerAndLogIn(a, applicant, 'applicant');

    await main(a).getByRole('link', { name: 'Mine sager', exact: true }).click();
    await a.waitForURL('**/ansoegning');
    assert.match(await main(a).innerText(), /Du har ingen sager endnu/);
    await record(a, 'my-cases-empty');
    await a.getByRole('button', { name: 'Start en ny ansøgning' }).click();
    await a.waitForURL(/\/ansoegning\/trin\?id=\d+&trin=1$/);
    const id = new URL(a.url()).searchParams.get('id');
    assert.match(await a.locator('h1').innerText(), /Trin 1 af 5: Institution/);
    await record(a, 'step1');

    // Step 1 (R1, R2): the university, the unit, one programme ending in a 45 ECTS thesis.
    await a.getByLabel('Universitet', { exact: true }).selectOption({
      label: 'Københavns Universitet (med universitetshospitalerne, herunder Rigshospitalet)' });
    await a.getByLabel('Fakultet, institut eller center').fill(unit);
    const prog1 = a.getByRole('group', { name: 'Uddannelse 1', exact: true });
    await prog1.getByLabel('Uddannelsens navn').fill('Cand.polit.');
    await prog1.getByLabel('Specialets omfang i ECTS').fill('45');
    await a.getByRole('button', { name: 'Gem og gå videre' }).click();
    await a.waitForURL(/trin=2$/);

    // Step 2 (R4): the four requirements.
    assert.match(await a.locator('h1').innerText(), /Trin 2 af 5: De fire krav/);
    await record(a, 'step2');
    await a.getByLabel('Hvordan holder I et højt og vedvarende fokus på datasikkerhed?')
      .fill('Logning, adgangsstyring og årlige kurser i datasikkerhed');
    const mgr = a.getByRole('group', { name: '2. Den personaleansvarlige leder' });
    await mgr.getByLabel('Navn').fill(manager.name);
    await mgr.getByLabel('Titel').fill('Institutleder');
    await mgr.getByLabel('E-mailadresse fra institutionen').fill(manager.email);
    for (const [i, [name, email, role, experience]] of persons.entries()) {
      const g = a.getByRole('group', { name: `Person ${i + 1}`, exact: true });
      await g.getByLabel('Navn').fill(name);
      await g.getByLabel('E-mailadresse').fill(email);
      await g.getByLabel('Rolle, fx vejleder').fill(role);
      await g.getByLabel('Erfaring med registerdata og Danmarks Statistiks regler').fill(experience);
    }
    await a.getByLabel('Adressen på siden, der præsenterer miljøet').fill(oldUrl);
    await a.getByRole('button', { name: 'Gem og gå videre' }).click();
    await a.waitForURL(/trin=3$/);
    await record(a, 'step3');

    // ---- The break: log out, log in again, the draft is there with its values ------------------
    await a.getByRole('button', { name: 'Log ud' }).click();
    await a.waitForURL('**/konto/log-ind?besked=logget-ud');
    await record(a, 'logged-out');
    await submitLogin(a, applicant.email, PASSWORD);
    await a.waitForURL('**/konto');
    await record(a, 'applicant-account-again');
    await main(a).getByRole('link', { name: 'Mine sager', exact: true }).click();
    await a.waitForURL('**/ansoegning');
    const draftRow = a.locator('tbody tr', { has: a.getByRole('cell', { name: id, exact: true }) });
    assert.equal(await draftRow.count(), 1, 'the draft is listed once under Mine sager (R32)');
    assert.match(await draftRow.innerText(), /Kladde/);
    assert.match(await draftRow.innerText(), new RegExp(unit));
    await record(a, 'my-cases-draft');
    await draftRow.getByRole('link', { name: `Gør ansøgningen færdig (sag ${id})` }).click();
    await a.waitForURL(/trin=1$/);
    assert.equal(await a.getByLabel('Fakultet, institut eller center').inputValue(), unit);
    assert.equal(await a.getByLabel('Universitet', { exact: true }).inputValue(), 'ku');
    assert.equal(await prog1.getByLabel('Specialets omfang i ECTS').inputValue(), '45');
    await record(a, 'step1-again');
    const stepNav = a.getByRole('navigation', { name: 'Trin i ansøgningen' });
    await stepNav.getByRole('link', { name: '2. De fire krav' }).click();
    await a.waitForURL(/trin=2$/);
    assert.equal(await mgr.getByLabel('Navn').inputValue(), manager.name);
    assert.equal(await a.getByRole('group', { name: 'Person 3', exact: true })
      .getByLabel('E-mailadresse').inputValue(), persons[2][1]);
    assert.equal(await a.getByLabel('Adressen på siden, der præsenterer miljøet').inputValue(),
      oldUrl);

    // ---- The manager confirms by the mailed link, in their own browser (R4.2) ------------------
    // The confirmation's state sits at the top of step 2 (issue 11).
    assert.match(await a.locator('#lederens-bekraeftelse').innerText(), /Ikke sendt endnu/);
    await a.getByRole('button', { name: 'Send bekræftelse til lederen' }).click();
    await a.waitForURL(/trin=2&besked=leder$/);
    assert.match(await a.locator('#lederens-bekraeftelse').innerText(),
      new RegExp(`Sendt til ${manager.email}`));
    await record(a, 'step2-confirmation-sent');

    const m = await browserFor('manager');
    await m.goto(await findLink(manager.email, '/ansoegning/bekraeft'));
    assert.match(await main(m).innerText(), new RegExp(`${applicant.name} \\(${applicant.email}\\)`));
    assert.match(await main(m).innerText(), new RegExp(unit));
    await record(m, 'manager-confirm');
    await m.getByRole('button', { name: 'Jeg bekræfter ansvaret' }).click();
    await m.getByRole('heading', { name: 'Tak, din bekræftelse er registreret' }).waitFor();
    await record(m, 'manager-confirmed');

    // ---- The applicant finishes the steps, reviews and submits --------------------------------
    await a.reload();
    assert.match(await a.locator('#lederens-bekraeftelse').innerText(),
      new RegExp(`Bekræftet .*${manager.name}`));
    // The applicant was told by mail that the manager confirmed (issue 11).
    await waitForMail({ to: applicant.email, subject: 'Lederen har bekræftet ansøgningen' });
    await record(a, 'step2-confirmed');
    await a.getByRole('button', { name: 'Gem og gå videre' }).click();
    await a.waitForURL(/trin=3$/);
    await record(a, 'step3-again');
    await a.getByLabel('Institutionens e-maildomæner').fill(domain);
    await a.getByRole('button', { name: 'Gem og gå videre' }).click();
    await a.waitForURL(/trin=4$/);
    await record(a, 'step4');
    await a.getByLabel('Forskermaskinen hos Danmarks Statistik').check();
    await a.getByRole('button', { name: 'Gem og gå videre' }).click();
    await a.waitForURL(/trin=5$/);
    const review = await main(a).innerText();
    for (const shown of [unit, 'Cand.polit.', manager.name, 'Cy Tre', oldUrl, domain,
      `Bekræftet: ${manager.name}`]) {
      assert.ok(review.includes(shown), `the review shows ${shown}`);
    }
    await record(a, 'step5-review');
    await a.getByRole('button', { name: 'Send ansøgningen' }).click();
    await a.waitForURL('**/ansoegning?besked=sendt');
    assert.match(await a.getByRole('status').innerText(), /Ansøgningen er sendt/);
    assert.match(await draftRow.innerText(), /Sendt til Forskningsservice/);
    assert.match(await draftRow.innerText(), /Intet lige nu/);
    await record(a, 'my-cases-sent');

    // R5: FSE's mailbox, the exact subject; R31: the receipt says what happens next.
    const FSE_SUBJECT = 'Vedr. ansøgning om uddannelsesautorisation';
    const fseMail = await waitForMail({ to: fseMailbox(), subject: FSE_SUBJECT,
      contains: [`(sag ${id}) fra`] });
    assert.ok(fseMail.text.includes(unit), 'the FSE mail names the institution');
    assert.ok(fseMail.text.includes(`/fse/sag?id=${id}`), 'the FSE mail links to the case');
    const receipt = await waitForMail({ to: applicant.email,
      subject: 'Kvittering: din ansøgning om uddannelsesautorisation er modtaget',
      contains: [`(sag ${id})`] });
    assert.match(receipt.text, /Hvad sker der nu\?/);
    assert.match(receipt.text, /inden for \d+ arbejdsdage/);
    assert.equal((await findMails({ to: fseMailbox(), subject: FSE_SUBJECT,
      contains: [`(sag ${id}) fra`] })).length, 1, 'one FSE mail per submission');

    // ---- An FSE caseworker returns it with a message -------------------------------------------
    execFileSync(PORTALCTL, ['-c', CONFIG, 'create-fse', caseworker.email, caseworker.name,
      'fse_caseworker'], { input: `${PASSWORD}\n`, stdio: ['pipe', 'ignore', 'inherit'] });
    const f = await browserFor('caseworker');
    await f.goto('/');
    await f.getByRole('link', { name: 'Log ind', exact: true }).click();
    await f.waitForURL('**/konto/log-ind');
    await record(f, 'fse-login');
    await submitLogin(f, caseworker.email, PASSWORD);
    await f.waitForURL('**/konto');
    await record(f, 'fse-account');
    // FSE staff enrol the second factor before any FSE page opens.
    await fseToQueue(f, record);
    const queueRow = f.locator(`#sag-${id}`);
    assert.match(await queueRow.innerText(), new RegExp(unit));
    assert.match(await queueRow.innerText(), new RegExp(applicant.name));
    await record(f, 'fse-queue');
    await queueRow.getByRole('link', { name: `Sag ${id}` }).click();
    await f.waitForURL(`**/fse/sag?id=${id}`);
    assert.match(await f.locator('#leder-status').innerText(), /^bekræftet/);
    assert.equal(await f.getByRole('heading', { name: 'Ændret siden sidste indsendelse' })
      .count(), 0, 'nothing to compare with at the first submission');
    await record(f, 'fse-case');
    await f.getByLabel('Send tilbage til rettelse: hvad skal rettes?').fill(reason);
    await f.getByRole('button', { name: 'Send tilbage', exact: true }).click();
    await f.waitForURL(`**/fse/sag?id=${id}&besked=tilbage`);
    assert.equal(await f.locator('#status').getAttribute('data-state'), 'returned');
    assert.ok((await f.getByRole('region', { name: 'Historik' }).innerText()).includes(reason),
      'the message is in the history');
    await record(f, 'fse-case-returned');

    // ---- The applicant sees it returned, changes one field and sends it again ------------------
    const returnedMail = await waitForMail({ to: applicant.email,
      subject: 'Din ansøgning om uddannelsesautorisation skal rettes', contains: [reason] });
    assert.ok(returnedMail.text.includes(`/ansoegning/trin?id=${id}`), 'the mail links to it');
    await a.reload();
    assert.match(await draftRow.innerText(), /Sendt tilbage til ændringer/);
    await record(a, 'my-cases-returned');
    await draftRow.getByRole('link', { name: `Ret og send igen (sag ${id})` }).click();
    await a.waitForURL(/trin=1$/);
    await record(a, 'step1-returned');
    await stepNav.getByRole('link', { name: '2. De fire krav' }).click();
    await a.waitForURL(/trin=2$/);
    await record(a, 'step2-returned');
    await a.getByLabel('Adressen på siden, der præsenterer miljøet').fill(newUrl);
    await a.getByRole('button', { name: 'Gem og gå videre' }).click();
    await a.waitForURL(/trin=3$/);
    await record(a, 'step3-returned');
    await stepNav.getByRole('link', { name: '5. Gennemse' }).click();
    await a.waitForURL(/trin=5$/);
    assert.ok((await main(a).innerText()).includes(newUrl), 'the review shows the new address');
    assert.ok(!(await main(a).innerText()).includes(oldUrl), 'and not the old one');
    await record(a, 'step5-resubmit');
    await a.getByRole('button', { name: 'Send ansøgningen' }).click();
    await a.waitForURL('**/ansoegning?besked=sendt');
    assert.match(await draftRow.innerText(), /Sendt til Forskningsservice/);
    await record(a, 'my-cases-resent');

    // ---- The caseworker sees exactly that change and approves ---------------------------------
    await f.getByRole('link', { name: 'Tilbage til sagerne' }).click();
    await f.waitForURL('**/fse/sager');
    await record(f, 'fse-queue-again');
    await queueRow.getByRole('link', { name: `Sag ${id}` }).click();
    await f.waitForURL(`**/fse/sag?id=${id}`);
    await f.getByRole('heading', { name: 'Ændret siden sidste indsendelse' }).waitFor();
    const changes = f.getByRole('region', { name: 'Ændret siden sidste indsendelse' })
      .locator('tbody tr');
    assert.equal(await changes.count(), 1, 'one field changed');
    assert.deepEqual(
      (await changes.first().locator('th, td').allInnerTexts()).map((s) => s.trim()),
      ['Miljøets side på universitetets hjemmeside', oldUrl, newUrl]);
    // Typed line breaks are kept by a stylesheet class; an inline style would be blocked by
    // the CSP and the text run together.
    assert.equal(await changes.first().locator('td').first()
      .evaluate((td) => getComputedStyle(td).whiteSpace), 'pre-line');
    await record(f, 'fse-case-changed');
    await f.getByRole('button', { name: 'Godkend', exact: true }).click();
    // "Godkend" asks first and says what the approval creates (issue 11).
    await f.waitForURL('**/fse/sag/afgoer');
    assert.match(await f.locator('#godkendelsen-opretter').innerText(), /næste .*nummer i årets række/);
    await record(f, 'fse-approve-confirm');
    await f.getByRole('button', { name: 'Ja, godkend', exact: true }).click();
    await f.waitForURL(new RegExp(`/fse/sag\\?id=${id}&besked=`));
    assert.equal(await f.locator('#status').getAttribute('data-state'), 'approved');
    const number = (await f.locator('#autorisation').innerText()).trim();
    assert.match(number, /^UA-\d{4}-\d+$/);  // counted per year from 1, not the case id
    // The manager has no account: the applicant holds the responsible role meanwhile.
    assert.match(await f.locator('#ansvarlig').innerText(), new RegExp(`^${applicant.name}`));
    await record(f, 'fse-case-approved');

    // ---- The applicant, now responsible, enrols TOTP and invites a supervisor (R9, R6) ---------
    const approved = await waitForMail({ to: applicant.email,
      subject: 'Din ansøgning om uddannelsesautorisation er godkendt', contains: [number] });
    assert.ok(approved.text.includes('/autorisation'), 'the mail links to the authorisations');
    await a.getByRole('link', { name: applicant.name }).click(); // the header's account link
    await a.waitForURL('**/konto');
    await record(a, 'applicant-account-responsible');
    await main(a).getByRole('link', { name: 'Slå det til nu' }).click();
    await a.waitForURL('**/konto/totp');
    await record(a, 'applicant-totp');
    await enrolTotp(a);
    await record(a, 'applicant-totp-enrolled');
    await main(a).getByRole('link', { name: 'Mine autorisationer', exact: true }).click();
    await a.waitForURL('**/autorisation');
    const authRow = a.locator('tbody tr', { hasText: number });
    assert.match(await authRow.innerText(), /Autorisationsansvarlig/);
    await record(a, 'applicant-authorisations');
    await authRow.getByRole('link', { name: /^Roller og historik/ }).click();
    await a.waitForURL(/\/autorisation\/roller\?id=\d+$/);
    assert.ok((await a.locator('.font-lead').innerText()).includes(number));
    await record(a, 'roles');
    await a.getByLabel('E-mailadresse', { exact: true }).fill(supervisor.email);
    await a.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Vejleder' });
    await a.getByRole('button', { name: 'Send invitation' }).click();
    await a.waitForURL(/besked=inviteret$/);
    assert.match(await main(a).innerText(), new RegExp(`${supervisor.email} som Vejleder`));
    await record(a, 'roles-invited');

    // ---- The supervisor registers and accepts by the mailed link (R34) -------------------------
    const v = await browserFor('supervisor');
    const invitation = await findLink(supervisor.email, '/autorisation/invitation');
    await v.goto(invitation);
    assert.match(await main(v).innerText(), new RegExp(`${supervisor.email} til rollen som Vejleder`));
    await record(v, 'invitation-logged-out');
    await main(v).getByRole('link', { name: 'Opret en konto' }).click();
    await v.waitForURL('**/konto/opret');
    await registerAndLogIn(v, supervisor, 'supervisor');
    await v.goto(invitation); // "Åbn derefter linket i e-mailen igen"
    await record(v, 'invitation');
    await v.getByRole('button', { name: 'Tag imod rollen' }).click();
    await v.waitForURL('**/autorisation?besked=accepteret');
    assert.match(await v.locator('tbody').innerText(), new RegExp(`${number}[\\s\\S]*Vejleder`));
    await record(v, 'supervisor-authorisations');

    // The responsible sees the supervisor among the holders, and the invitation taken.
    await a.reload();
    const holder = a.getByRole('table', { name: 'Aktive roller' })
      .locator('tr', { hasText: supervisor.email });
    assert.equal(await holder.count(), 1, 'the supervisor holds a role');
    assert.match(await holder.innerText(), new RegExp(`Vejleder[\\s\\S]*${supervisor.name}`));
    assert.ok(!(await main(a).innerText()).includes(`${supervisor.email} som Vejleder`),
      'no longer an open invitation');
    await record(a, 'roles-with-supervisor');

    for (const { who, page, problems } of sessions) {
      await assertNoCspViolations(page, problems);
      assert.deepEqual(problems.consoleErrors, [], `console errors in the ${who}'s browser`);
    }
  });
