// A broad project proposal in Chromium, as its users live it (issue 6): the responsible finds the
// analysis platform missing and states Forskermaskinen (R17); a supervisor drafts a proposal and
// asks for a signature; the signer is told by mail, finds it under Mine sager, and signs only
// with the attestation ticked (R12); the supervisor edits one field, which voids the signature
// (the page says so, and the proposal can no longer be sent); the signer signs again; the
// supervisor sends it and gets a receipt with the fee of the day (R23, R31); an FSE caseworker
// finds it in the queue and approves; the project number (R16) is on the authorisation's
// proposals page and in the supervisor's mail. Every page is screenshotted and checked with
// axe-core, and no page logs a console error or a CSP violation.
//
// The people and the authorisation are made with portalctl (as an operator would move an
// existing authorisation in); everything after that is links, buttons and labelled fields. Run:
// node --test tests/browser/ against a running stack; PORTAL_URL, PORTAL_CONFIG and
// PORTAL_MAILDIR say where.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  ROOT, useBrowser, openPage, assertNoCspViolations, axeCheck, screenshot, submitLogin,
  enrolTotp, findMails, waitForMail, fseToQueue,
} from './lib.mjs';

const CONFIG = process.env.PORTAL_CONFIG || join(ROOT, 'var', 'up', 'portal.conf');
const PORTALCTL = join(ROOT, 'build', 'main', 'bin', 'portalctl');
const PASSWORD = 'tre grønne heste på taget';

function portalctl(args, input) {
  return execFileSync(PORTALCTL, ['-c', CONFIG, ...args],
    { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'] });
}

// The newest of at least n mails matching filter, waiting up to timeoutMs.
async function waitForMails(filter, n, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await findMails(filter);
    if (found.length >= n) return found;
    if (Date.now() >= deadline) {
      throw new Error(`${found.length} of ${n} mails matching ${JSON.stringify(filter)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

useBrowser();

// Room for a loaded machine and the sanitizer pass, as in application.test.mjs.
test('platform, draft, sign, edit voids, sign again, submit with fee, FSE approves with number',
  { timeout: 600_000 }, async (t) => {
    const hex = randomBytes(4).toString('hex');
    const domain = `proj-${hex}.dk`;
    const number = `UA-PB-${hex}`;
    const institution = `Institut for Registerforskning ${hex}`;
    const responsible = { name: 'Rasmus Ansvarlig', email: `rasmus.ansvarlig@${domain}` };
    const supervisor = { name: 'Vibeke Vejleder', email: `vibeke.vejleder@${domain}` };
    const signer = { name: 'Ulrik Underskriver', email: `ulrik.underskriver@${domain}` };
    const caseworker = { name: 'Sune Sagsbehandler', email: `sune.${hex}@dst.dk` };
    const title = `Uddannelse og løn ${hex}`;
    const purpose = 'Hvordan påvirker uddannelsens længde løn og beskæftigelse?';
    const purpose2 = 'Hvordan påvirker uddannelsens længde og fagvalg løn og beskæftigelse?';

    // ---- Setup as an operator: the authorisation, the people, their roles, a rate -------------
    portalctl(['create-user', responsible.email, responsible.name], `${PASSWORD}\n`);
    portalctl(['create-authorisation', 'ku', institution, number, domain, responsible.email]);
    for (const [who, role] of [[supervisor, 'supervisor'], [signer, 'signer']]) {
      portalctl(['create-user', who.email, who.name], `${PASSWORD}\n`);
      assert.match(portalctl(['grant-role', who.email, role, number]), /^granted /);
      // A second grant is reported, not duplicated.
      assert.match(portalctl(['grant-role', who.email, role, number]), /already/);
    }
    // Unknown people, roles and authorisations are refused with a message and an exit code.
    for (const [args, status, message] of [
      [['grant-role', `ingen@${domain}`, 'signer', number], 1, /has no active account/],
      [['grant-role', signer.email, 'konge', number], 2, /role must be/],
      [['grant-role', signer.email, 'signer', `${number}-X`], 1, /no authorisation/],
    ]) {
      assert.throws(() => execFileSync(PORTALCTL, ['-c', CONFIG, ...args],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
      (e) => e.status === status && message.test(e.stderr), `portalctl ${args.join(' ')}`);
    }
    portalctl(['create-fse', caseworker.email, caseworker.name, 'fse_caseworker'],
      `${PASSWORD}\n`);
    // A proposal rate when the table has none for that kind (idempotent); whether one is valid
    // today is read off the case page below, and the receipt is checked against that.
    portalctl(['seed-demo-rates']);

    let step = 0;
    async function record(page, name) {
      await page.waitForLoadState('load');
      const tag = `projects-${String(++step).padStart(2, '0')}-${name}`;
      await axeCheck(page, tag);
      await screenshot(page, `${tag}.png`);
    }
    const main = (page) => page.locator('main');
    const sessions = [];
    async function logIn(who, tag) {
      const s = await openPage(t, { timeout: 15_000 });
      sessions.push({ who: who.name, ...s });
      const { page } = s;
      await page.goto('/');
      if (step === 0) await record(page, 'front-page');
      await page.getByRole('link', { name: 'Log ind', exact: true }).click();
      await page.waitForURL('**/konto/log-ind');
      await record(page, `${tag}-login`);
      await submitLogin(page, who.email, PASSWORD);
      await page.waitForURL('**/konto');
      assert.match(await main(page).innerText(), new RegExp(who.name));
      await record(page, `${tag}-account`);
      return page;
    }
    // From the account page to the authorisation's proposals page, by the links.
    async function toProposals(page, tag) {
      await main(page).getByRole('link', { name: 'Mine autorisationer', exact: true }).click();
      await page.waitForURL('**/autorisation');
      const row = page.locator('tbody tr', { hasText: number });
      assert.equal(await row.count(), 1, 'the authorisation is listed once');
      await record(page, `${tag}-authorisations`);
      await row.getByRole('link', { name: /^Projektindstillinger og gebyrer/ }).click();
      await page.waitForURL(/\/projekt\?id=\d+$/);
      assert.match(await page.locator('h1').innerText(), /Projektindstillinger/);
      assert.ok((await main(page).innerText()).includes(number));
      return new URL(page.url()).searchParams.get('id');
    }

    // ---- The responsible: two-step login, then the platform (R17) ------------------------------
    const r = await logIn(responsible, 'responsible');
    await main(r).getByRole('link', { name: 'Slå det til nu' }).click();
    await r.waitForURL('**/konto/totp');
    await record(r, 'responsible-totp');
    await enrolTotp(r);
    await record(r, 'responsible-totp-enrolled');
    const auth = await toProposals(r, 'responsible');
    assert.match(await main(r).innerText(), /skal den autorisationsansvarlige oplyse, hvor de studerende skal analysere data/);
    assert.equal(await main(r).getByRole('link', { name: 'Skriv en ny projektindstilling' })
      .count(), 0, 'no proposal before the platform is stated');
    await record(r, 'responsible-no-platform');
    await main(r).getByRole('link', { name: 'Oplys eller ret analyseplatformen' }).click();
    await r.waitForURL(`**/projekt/platform?id=${auth}`);
    await record(r, 'responsible-platform-form');
    await r.getByLabel('Forskermaskinen hos Danmarks Statistik').check();
    await r.getByRole('button', { name: 'Gem analyseplatformen' }).click();
    await r.waitForURL(`**/projekt?id=${auth}&besked=platform`);
    assert.match(await r.locator('#platform').innerText(), /Forskermaskinen/);
    assert.match(await main(r).innerText(), /Analyseplatformen er gemt/);
    await record(r, 'responsible-platform-saved');

    // ---- The supervisor drafts a proposal and asks for a signature ----------------------------
    const v = await logIn(supervisor, 'supervisor');
    assert.equal(await toProposals(v, 'supervisor'), auth);
    assert.match(await v.locator('#graense').innerText(), /0 af 5/);
    await record(v, 'supervisor-proposals-empty');
    await main(v).getByRole('link', { name: 'Skriv en ny projektindstilling' }).click();
    await v.waitForURL(`**/projekt/rediger?id=${auth}`);
    await record(v, 'supervisor-new-form');
    await v.getByLabel('Titel', { exact: true }).fill(title);
    await v.getByLabel('Emne i kandidatuddannelsen', { exact: true }).fill('Arbejdsmarkedsøkonomi');
    await v.getByLabel('Formål', { exact: true }).fill(purpose);
    await v.getByLabel('Register 1: navn', { exact: true }).fill('BEF');
    await v.getByLabel('Register 1: hvorfor nødvendigt for formålet', { exact: true })
      .fill('Køn og alder er nødvendige for at sammenligne grupper');
    await v.getByLabel('Samfundsmæssig relevans', { exact: true })
      .fill('Svarer på uddannelsespolitiske spørgsmål');
    await v.getByLabel('Forventet antal studerende', { exact: true }).fill('12');
    await v.getByLabel('Periode fra', { exact: true }).fill('2027-02-01');
    await v.getByLabel('Periode til', { exact: true }).fill('2028-01-31');
    await v.getByRole('button', { name: 'Gem', exact: true }).click();
    await v.waitForURL(new RegExp(`/projekt/sag\\?id=${auth}&sag=\\d+&besked=gemt$`));
    const sag = new URL(v.url()).searchParams.get('sag');
    const caseUrl = `/projekt/sag?id=${auth}&sag=${sag}`;
    assert.equal(await v.locator('#status').getAttribute('data-state'), 'draft');
    assert.match(await v.locator('#underskrift').innerText(), /Ikke underskrevet/);
    assert.equal(await v.getByRole('button', { name: 'Send til Forskningsservice' }).count(), 0,
      'an unsigned proposal cannot be sent');
    await record(v, 'supervisor-draft-saved');
    await v.getByRole('button', { name: 'Bed om underskrift' }).click();
    await v.waitForURL(`**${caseUrl}&besked=anmodet`);
    await record(v, 'supervisor-signature-asked');

    // ---- The signer: the mail, Mine sager, and signing (first without the tick) ---------------
    const SIGN_SUBJECT = 'En projektindstilling venter på din underskrift';
    const askMail = await waitForMail({ to: signer.email, subject: SIGN_SUBJECT,
      contains: [caseUrl] });
    assert.ok(askMail.text.includes(title), 'the mail names the proposal');
    assert.ok(askMail.text.includes(supervisor.name), 'and who asks');
    const u = await logIn(signer, 'signer');
    await main(u).getByRole('link', { name: 'Mine sager', exact: true }).click();
    await u.waitForURL('**/ansoegning');
    await u.getByRole('heading', { name: 'Venter på din underskrift' }).waitFor();
    const toSign = u.locator('#til-underskrift').getByRole('link', { name: title });
    assert.equal(await toSign.count(), 1, 'the proposal waits for the signer');
    await record(u, 'signer-my-cases');
    await toSign.click();
    await u.waitForURL(`**${caseUrl}`);
    assert.ok((await u.locator('#tekst').innerText()).includes(purpose), 'the text to sign');
    await record(u, 'signer-case');
    const attest = 'Jeg bekræfter på institutionens vegne, at projektet er lovligt efter '
      + 'databeskyttelsesforordningen';
    const [refused] = await Promise.all([
      u.waitForResponse((resp) => resp.url().endsWith('/projekt/underskriv')),
      u.getByRole('button', { name: 'Underskriv', exact: true }).click(),
    ]);
    assert.equal(refused.status(), 422, 'not signed without the tick');
    await u.waitForURL('**/projekt/underskriv');
    const tickError = u.locator('.form-group', { has: u.locator('#bekraeft') })
      .locator('#bekraeft-error');
    assert.ok(await tickError.isVisible(), 'the message is next to the box');
    assert.equal(await u.locator('#bekraeft').getAttribute('aria-invalid'), 'true');
    assert.match(await u.locator('#bekraeft').getAttribute('aria-describedby'), /bekraeft-error/);
    assert.match(await u.locator('#underskrift').innerText(), /Ikke underskrevet/);
    await record(u, 'signer-not-ticked');
    await u.getByLabel(attest).check();
    await u.getByRole('button', { name: 'Underskriv', exact: true }).click();
    await u.waitForURL(`**${caseUrl}&besked=underskrevet`);
    assert.match(await u.locator('#underskrift').innerText(),
      new RegExp(`Underskrevet [^\\n]*${signer.name}`));
    await record(u, 'signer-signed');

    // ---- The supervisor is told, edits one field: the signature is voided ---------------------
    const SIGNED_SUBJECT = 'Projektindstillingen er underskrevet';
    const signedMail = await waitForMail({ to: supervisor.email, subject: SIGNED_SUBJECT,
      contains: [caseUrl] });
    assert.ok(signedMail.text.includes(signer.name), 'the mail says who signed');
    await v.reload();
    await v.getByRole('button', { name: 'Send til Forskningsservice' }).waitFor();
    await record(v, 'supervisor-signed');
    await v.getByRole('link', { name: 'Ret projektindstillingen' }).click();
    await v.waitForURL(`**/projekt/rediger?id=${auth}&sag=${sag}`);
    assert.equal(await v.getByLabel('Formål', { exact: true }).inputValue(), purpose);
    await record(v, 'supervisor-edit-form');
    await v.getByLabel('Formål', { exact: true }).fill(purpose2);
    await v.getByRole('button', { name: 'Gem', exact: true }).click();
    await v.waitForURL(`**${caseUrl}&besked=bortfaldet`);
    const sigBox = await v.locator('#underskrift').innerText();
    assert.match(sigBox, new RegExp(`Underskrift af ${signer.name} [^\\n]*er bortfaldet`));
    assert.match(sigBox, /Ikke underskrevet/);
    assert.match(await v.locator('#besked').innerText(), /underskriften er bortfaldet/);
    assert.equal(await v.getByRole('button', { name: 'Send til Forskningsservice' }).count(), 0,
      'a voided signature does not let it be sent');
    await record(v, 'supervisor-signature-voided');
    await v.getByRole('button', { name: 'Bed om underskrift' }).click();
    await v.waitForURL(`**${caseUrl}&besked=anmodet`);
    await record(v, 'supervisor-signature-asked-again');

    // ---- The signer signs the new text --------------------------------------------------------
    await waitForMails({ to: signer.email, subject: SIGN_SUBJECT, contains: [caseUrl] }, 2);
    await u.getByRole('link', { name: 'Tilbage til projektindstillingerne' }).click();
    await u.waitForURL(`**/projekt?id=${auth}`);
    assert.match(await u.locator('#indstillinger').innerText(), new RegExp(title));
    await record(u, 'signer-proposals');
    await u.locator('#indstillinger').getByRole('link', { name: title }).click();
    await u.waitForURL(`**${caseUrl}`);
    assert.ok((await u.locator('#tekst').innerText()).includes(purpose2), 'the new text');
    assert.match(await u.locator('#underskrift').innerText(), /er bortfaldet/);
    await record(u, 'signer-case-again');
    await u.getByLabel(attest).check();
    await u.getByRole('button', { name: 'Underskriv', exact: true }).click();
    await u.waitForURL(`**${caseUrl}&besked=underskrevet`);
    await record(u, 'signer-signed-again');

    // ---- The supervisor sends it; the receipt states the fee ----------------------------------
    await waitForMails({ to: supervisor.email, subject: SIGNED_SUBJECT, contains: [caseUrl] }, 2);
    await v.reload();
    await v.getByRole('button', { name: 'Send til Forskningsservice' }).click();
    await v.waitForURL(`**${caseUrl}&besked=sendt`);
    assert.equal(await v.locator('#status').getAttribute('data-state'), 'submitted');
    const fee = (await main(v).innerText()).match(/gebyr:? ([\d.]+,\d\d kr\.)/i);
    await record(v, 'supervisor-sent');
    const receipt = await waitForMail({ to: supervisor.email,
      subject: 'Kvittering: projektindstillingen er modtaget', contains: [`(sag ${sag})`] });
    if (fee) {
      assert.ok(receipt.text.includes(`Indstillingen koster ${fee[1]}`),
        `the receipt states the fee ${fee[1]}`);
    } else {
      // No proposal rate valid today on this stack: the receipt says so instead of a price.
      assert.match(receipt.text, /Der er ikke fastsat en takst for projektindstillinger i dag/);
    }
    assert.match(receipt.text, /inden for \d+ arbejdsdage/);

    // ---- FSE finds it in the queue and approves -------------------------------------------------
    const f = await logIn(caseworker, 'fse');
    await fseToQueue(f, record);
    const queueRow = f.locator(`#sag-${sag}`);
    assert.match(await queueRow.innerText(), /Projektindstilling/);
    assert.ok((await queueRow.innerText()).includes(number), 'the queue names the authorisation');
    await record(f, 'fse-queue');
    await queueRow.getByRole('link', { name: `Sag ${sag}` }).click();
    await f.waitForURL(`**/fse/sag?id=${sag}`);
    assert.match(await f.locator('#underskrift').innerText(), new RegExp(signer.name));
    assert.match(await f.locator('#brugt').innerText(), /^1 af 5 brugt/);
    if (fee) assert.ok((await f.locator('#gebyr').innerText()).includes(fee[1]));
    assert.ok((await f.locator('#felter').innerText()).includes(purpose2));
    await record(f, 'fse-case');
    await f.getByRole('button', { name: 'Godkend', exact: true }).click();
    // "Godkend" asks first and says what the approval creates (issue 11).
    await f.waitForURL('**/fse/sag/afgoer');
    assert.match(await f.locator('#godkendelsen-opretter').innerText(), /næste .*nummer i årets række/);
    await record(f, 'fse-approve-confirm');
    await f.getByRole('button', { name: 'Ja, godkend', exact: true }).click();
    await f.waitForURL(new RegExp(`/fse/sag\\?id=${sag}&besked=`));
    assert.equal(await f.locator('#status').getAttribute('data-state'), 'approved');
    const project = (await f.locator('#projektnummer').innerText()).trim();
    assert.match(project, /^P-\d{4}-\d+$/);  // counted per year from 1, not the case id
    await record(f, 'fse-case-approved');

    // ---- The project number: in the supervisor's mail, on the responsible's page (R16) --------
    const approved = await waitForMail({ to: supervisor.email,
      subject: 'Projektindstillingen er godkendt', contains: [project] });
    assert.ok(approved.text.includes(title));
    await r.reload();
    const row = r.locator('#indstillinger tbody tr', { hasText: title });
    assert.equal(await row.getAttribute('data-state'), 'approved');
    assert.ok((await row.innerText()).includes(project), 'the number on the proposals page');
    assert.match(await r.locator('#graense').innerText(), /1 af 5/);
    if (fee) assert.ok((await r.locator('#gebyrer').innerText()).includes(fee[1]));
    await record(r, 'responsible-project-number');
    await row.getByRole('link', { name: title }).click();
    await r.waitForURL(`**${caseUrl}`);
    assert.equal((await r.locator('#projektnummer').innerText()).trim(), project);
    await record(r, 'responsible-project');

    // Chromium logs the deliberately refused signature's 422 as a failed load: exactly that one
    // is expected, in the signer's browser; anything else is an error.
    const refusedLoad = (m) => /^Failed to load resource: the server responded with a status of 422\b.*\[[^\]]*\/projekt\/underskriv\]$/.test(m);
    for (const { who, page, problems } of sessions) {
      await assertNoCspViolations(page, problems);
      const expected = who === signer.name ? 1 : 0;
      assert.equal(problems.consoleErrors.filter(refusedLoad).length, expected,
        `the refused signature's 422 in ${who}'s browser`);
      assert.deepEqual(problems.consoleErrors.filter((m) => !refusedLoad(m)), [],
        `console errors in ${who}'s browser`);
    }
  });
