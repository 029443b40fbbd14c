// A thesis student's access from first day to last in Chromium (issue 14; R7, R11, R13, R14,
// R15, R22, R24), as the people live it: the student, attached and given a project, logs in,
// accepts the user agreement and is told the access still waits for the certification course;
// an FSE caseworker records the pass; the student's page turns active and the user fee appears
// on the authorisation's fees page, by name, for the administrator; the student asks in writing
// to take results home, with a file and what it contains; the supervisor opens the request from
// the mail's link, ticks FSE's checklist, approves with a note, and the student downloads
// exactly the bytes released; the administrator ends the access after the thesis is passed and
// the student is shown where publishing goes. Every page is checked with axe at desktop width,
// at 375 px and at 200 % zoom and screenshotted (lib.mjs axeCheck).
//
// What comes before the access (the case, Annex 1, FSE's approval of the student as a user, the
// project access) is students.test.mjs's journey; here it is the rows those steps leave, put in
// with SQL, as tests/e2e/fixture_student.c does. People come from portalctl.
// Run: node --test tests/browser/access.test.mjs against a running stack; PORTAL_URL,
// PORTAL_CONFIG and PORTAL_MAILDIR say where.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  useBrowser, assertNoCspViolations, journey, sql,
  enrolTotp, portalctl, waitForMail,
} from './lib.mjs';

const PASSWORD = 'tre grønne heste på taget';
const STUDENT = 'Þórdís Ærenlund';
const PROJECT_TITLE = 'Indkomst og uddannelse';


useBrowser();

test('certification, the access turns active with its fee, results taken home, the end after '
  + 'the thesis', { timeout: 600_000 }, async (t) => {
  const hex = randomBytes(4).toString('hex');
  const domain = `adgang-${hex}.dk`;
  const number = `UA-AD-${hex}`;
  const institution = `Institut for Adgang ${hex}`;
  const projectNumber = `PA-${hex}`;
  const fseId = `ADG${String(parseInt(hex.slice(0, 4), 16) % 100000).padStart(5, '0')}`;
  const responsible = { name: 'Rasmus Ansvarlig', email: `rasmus.ansvarlig@${domain}` };
  const supervisor = { name: 'Vibeke Vejleder', email: `vibeke.vejleder@${domain}` };
  const admin = { name: 'Asger Administrator', email: `asger.administrator@${domain}` };
  const student = { name: STUDENT, email: `thordis.aerenlund@${domain}` };
  const caseworker = { name: 'Sune Sagsbehandler', email: `sune.${hex}@dst.dk` };

  // ---- Setup as an operator ---------------------------------------------------------------
  portalctl(['create-user', responsible.email, responsible.name], `${PASSWORD}\n`);
  portalctl(['create-authorisation', 'ku', institution, number, domain, responsible.email]);
  for (const [who, role] of [[supervisor, 'supervisor'], [admin, 'administrator']]) {
    portalctl(['create-user', who.email, who.name], `${PASSWORD}\n`);
    assert.match(portalctl(['grant-role', who.email, role, number]), /^granted /);
  }
  portalctl(['create-user', student.email, student.name], `${PASSWORD}\n`);
  portalctl(['create-fse', caseworker.email, caseworker.name, 'fse_caseworker'], `${PASSWORD}\n`);
  portalctl(['seed-demo-rates']);
  portalctl(['seed-demo-agreement', caseworker.email]);
  portalctl(['seed-demo-export-rules', caseworker.email]);
  // The student case's stored form, as the supervisor's form writes it (urlencoded).
  const formStart = `navn=${encodeURIComponent(STUDENT)}&email=${encodeURIComponent(student.email)}`
    + '&speciale_titel=Indkomst&forfattere=T&begrundelse=Registerdata&projekt=';
  // The rows the steps before leave: the approved project, the approved student case with its
  // signed Annex 1, FSE's approval with the FSE user id, the live access until a year from now.
  sql(`SET @sup = (SELECT id FROM users WHERE email = '${supervisor.email}');
    SET @auth = (SELECT id FROM authorisations WHERE number = '${number}');
    INSERT INTO cases (type, state, created_by, authorisation_id, title, data)
      VALUES ('project', 'approved', @sup, @auth, '${PROJECT_TITLE}', 'titel=Indkomst');
    SET @project = LAST_INSERT_ID();
    INSERT INTO projects (case_id, authorisation_id, number, title)
      VALUES (@project, @auth, '${projectNumber}', '${PROJECT_TITLE}');
    INSERT INTO cases (type, state, created_by, authorisation_id, title, data)
      VALUES ('student', 'approved', @sup, @auth, '${STUDENT}', CONCAT('${formStart}',
      @project, '&periode_fra=2026-09-01&periode_til=',
      DATE_FORMAT(CURDATE() + INTERVAL 1 YEAR, '%Y-%m-%d')));
    SET @sag = LAST_INSERT_ID();
    INSERT INTO files (purpose, authorisation_id, case_id, slot, name, mime, size_bytes, sha256,
      content, uploaded_by) VALUES ('annex1', @auth, @sag, @sag, '${projectNumber} ${STUDENT}.pdf',
      'application/pdf', 4, REPEAT('0', 64), '%PDF', @sup);
    INSERT INTO cases (type, state, created_by, authorisation_id, title, data, parent_id)
      VALUES ('fse_user', 'approved', @sup, @auth, '${STUDENT}', '', @sag);
    SET @req = LAST_INSERT_ID();
    INSERT INTO fse_user_ids (fse_id, email) VALUES ('${fseId}', '${student.email}');
    INSERT INTO fse_user_approvals (case_id, student_case_id, fse_id, new_user, approved_by)
      VALUES (@req, @sag, '${fseId}', 1, @sup);
    INSERT INTO student_access (student_case_id, project_case_id, authorisation_id,
      student_email, granted_by, ends_on) VALUES (@sag, @project, @auth, '${student.email}',
      @sup, CURDATE() + INTERVAL 1 YEAR);
    INSERT INTO role_assignments (user_id, role, authorisation_id, granted_by, grant_reason)
      SELECT id, 'student', @auth, @sup, 'Invitationen til rollen, taget imod' FROM users
      WHERE email = '${student.email}';`);
  const sag = sql(`SELECT c.id FROM cases c JOIN authorisations a ON a.id = c.authorisation_id
    WHERE a.number = '${number}' AND c.type = 'student'`).trim();

  const { record, logIn, sessions } = journey(t, 'access', PASSWORD);
  const main = (page) => page.locator('main');
  async function toOwnPage(page) {
    await main(page).getByRole('link', { name: 'Mine autorisationer', exact: true }).click();
    await page.waitForURL('**/autorisation');
    await page.locator('tbody tr', { hasText: number })
      .getByRole('link', { name: /^Mit speciale/ }).click();
    await page.waitForURL(/\/studerende\/mig\?id=\d+$/);
  }
  const checklist = (page, text) => page.locator('#tjek li', { hasText: text });

  // ---- The student accepts the user agreement; the course is still missing (R14, R15) ------
  const s = await logIn(student, 'student');
  await toOwnPage(s);
  const auth = new URL(s.url()).searchParams.get('id');
  assert.match(await s.locator('#adgang-status').innerText(), /Din adgang er ikke aktiv/);
  await record(s, 'student-own-page');
  await s.getByRole('button', { name: 'Jeg accepterer brugeraftalen' }).click();
  await s.waitForURL(`**/studerende/mig?id=${auth}&besked=accepteret`);
  assert.match(await checklist(s, 'brugeraftalen').innerText(), /^Klar:/);
  assert.match(await checklist(s, 'certificeringskurset').innerText(),
    /^Endnu ikke: Du har bestået certificeringskurset \(du tager kurset hos Danmarks Statistik/);
  assert.match(await s.locator('#adgang-status').innerText(), /Din adgang er ikke aktiv/);
  assert.equal(await s.locator('#hjemtag-link').count(), 1);
  await record(s, 'student-agreed-course-missing');

  // ---- FSE records the pass of the certification course (R14) ------------------------------
  const f = await logIn(caseworker, 'fse');
  await main(f).getByRole('link', { name: 'Forskningsservice', exact: true }).click();
  await f.waitForURL('**/konto/totp?tilbage=%2Ffse');
  await enrolTotp(f, { landsOn: '**/fse' });
  await record(f, 'fse-home');
  await main(f).getByRole('link', { name: 'Certificeringskursus', exact: true }).click();
  await f.waitForURL('**/fse/certificering');
  await record(f, 'fse-certification');
  await f.getByLabel('E-mailadresse', { exact: true }).fill(student.email);
  await f.getByLabel('Navn', { exact: true }).fill(STUDENT);
  // A date field: the browser takes ISO (en-CA writes YYYY-MM-DD), the Danish day of today.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' })
    .format(new Date());
  await f.getByLabel('Bestået den', { exact: true }).fill(today);
  const [recorded] = await Promise.all([
    f.waitForResponse((resp) => resp.url().endsWith('/fse/certificering')
      && resp.request().method() === 'POST'),
    f.getByRole('button', { name: 'Registrér', exact: true }).click(),
  ]);
  assert.equal(recorded.status(), 303, await f.locator('main').innerText());
  await f.waitForURL(/\/fse\/certificering\?/);
  assert.match(await main(f).innerText(), /1 studerendes adgang blev aktiv|adgang.*aktiv/i);
  assert.ok((await main(f).innerText()).includes(student.email), 'the pass is listed');
  await record(f, 'fse-certification-recorded');

  // ---- The access is active, the student told; the fee on the fees page (R24, R29) ---------
  await waitForMail({ to: student.email, contains: ['Din adgang til data i Specialeordningen er '
    + 'aktiv', fseId] });
  await s.reload();
  assert.match(await s.locator('#adgang-status').innerText(), /Din adgang er aktiv/);
  assert.match(await checklist(s, 'certificeringskurset').innerText(), /^Klar:/);
  assert.match(await s.locator('#forloeb-liste').innerText(),
    new RegExp(`Certificeringskurset registreret som bestået .*\\(${caseworker.name}\\)`));
  await record(s, 'student-active');
  const a = await logIn(admin, 'admin');
  await main(a).getByRole('link', { name: 'Slå det til nu' }).click();
  await a.waitForURL('**/konto/totp');
  await enrolTotp(a);
  await a.goto(`/projekt?id=${auth}`);
  const fee = a.locator('#gebyrer tbody tr', { hasText: 'Brugergebyr for specialestuderende' });
  assert.equal(await fee.count(), 1, 'one user fee');
  assert.match(await fee.innerText(), new RegExp(`${STUDENT}.*\\d,\\d\\d kr\\.`, 's'));
  await record(a, 'admin-fees');

  // ---- The student asks in writing to take results home (R13, R22) -------------------------
  await s.locator('#hjemtag-link').click();
  await s.waitForURL(`**/studerende/hjemtagelse?id=${auth}`);
  await record(s, 'student-export-form');
  const table = Buffer.from('kommune;antal;gennemsnit\n101;1534;412000\n147;988;398500\n');
  await main(s).locator('#fil_1').setInputFiles({ name: 'indkomst.csv', mimeType: 'text/csv',
    buffer: table });
  await main(s).locator('#indhold_1').fill('Tabel 1: antal personer og gennemsnitlig indkomst '
    + 'pr. kommune, mindst 988 personer i hver celle.');
  await main(s).getByLabel(/^Jeg bekræfter, at filerne kun indeholder aggregerede/).check();
  await main(s).getByRole('button', { name: 'Send anmodningen til din vejleder' }).click();
  await s.waitForURL(new RegExp(`/studerende/hjemtagelse\\?id=${auth}&`));
  assert.match(await main(s).innerText(), /indkomst\.csv/);
  await record(s, 'student-export-sent');

  // ---- The supervisor checks against FSE's checklist and approves with a note ---------------
  const mail = await waitForMail({ to: supervisor.email, contains: ['/studerende/hjemtagelse'] });
  const link = mail.text.match(/https?:\/\/\S*\/studerende\/hjemtagelse\/anmodning\?[^\s"<>]+/);
  assert.ok(link, `a link to the request in the mail: ${mail.text}`);
  const v = await logIn(supervisor, 'supervisor');
  const to = new URL(link[0].replace(/&amp;/g, '&'));
  await v.goto(to.pathname + to.search);
  assert.equal(await v.locator('h1').innerText(), 'Anmodning om hjemtagelse');
  await record(v, 'supervisor-request');
  const items = await main(v).locator('input[name^=punkt_]').all();
  assert.ok(items.length > 0, "FSE's checklist is on the page");
  for (const box of items) await box.check();
  await v.getByLabel('Note til den studerende').fill('Tjekket: kun aggregerede tal, ingen små '
    + 'celler.');
  await v.getByRole('button', { name: 'Godkend hjemtagelsen' }).click();
  await v.waitForLoadState('load');
  assert.match(await v.locator('#afgjort').innerText(), new RegExp(`Godkendt .* af ${supervisor.name}`));
  await record(v, 'supervisor-approved');

  // The student downloads exactly the bytes released.
  await s.reload();
  const released = main(s).getByRole('link', { name: 'indkomst.csv' });
  const got = await s.request.get(await released.first().getAttribute('href'));
  assert.equal(got.status(), 200);
  assert.ok(Buffer.from(await got.body()).equals(table), 'the released file is the upload');
  await record(s, 'student-released');

  // ---- The administrator ends the access after the thesis; R7's pointer to the student -----
  await a.goto(`/studerende/sag?id=${auth}&sag=${sag}`);
  assert.match(await a.locator('#adgang-status').innerText(), /Adgangen er aktiv/);
  await record(a, 'admin-case-active');
  await a.getByRole('group', { name: 'Hvorfor afsluttes adgangen?' })
    .getByLabel('Specialet er bestået').check();
  await a.getByLabel('Bemærkning (kan udelades)').fill('Forsvaret i juni');
  await a.getByRole('button', { name: 'Afslut adgangen' }).click();
  await a.waitForURL(`**/studerende/sag?id=${auth}&sag=${sag}&besked=bestaaet`);
  assert.match(await a.locator('#adgang-slut').innerText(), /specialet er bestået/);
  assert.match(await a.locator('#forloeb-liste').innerText(),
    new RegExp(`Adgangen afsluttet: specialet er bestået \\(${admin.name}\\): Forsvaret i juni`));
  await record(a, 'admin-ended');
  await waitForMail({ to: student.email, contains: ['forskerordning eller projektordning'] });
  await s.goto(`/studerende/mig?id=${auth}`);
  assert.match(await s.locator('#adgang-slut').innerText(), /Din adgang til data er afsluttet/);
  assert.match(await s.locator('#publicering').innerText(),
    /forskerordning eller projektordning/);
  await record(s, 'student-ended');

  for (const { who, page, problems } of sessions) {
    await assertNoCspViolations(page, problems);
    assert.deepEqual(problems.consoleErrors, [], `console errors in ${who}'s browser`);
  }
});
