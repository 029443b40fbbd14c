// Attaching a thesis student in Chromium (issue 13; R6, R10, R13, R15, R20, R26-R28), as the
// people live it, the part that is built: the responsible uploads the institution's logo; a
// supervisor on an authorisation with an approved broad project starts a student case from the
// authorisation's student list, sends a reason of four lines and is told at the field with every
// input kept, then saves a complete case for a student whose name has letters outside Latin-1;
// downloads Annex 1 and the bytes are read back with poppler-utils (the name, the R28 line, the
// Title); uploads a signed PDF through the file field and sends the case to the administrators;
// the administrator finds the student under Mine sager and opens the case; the responsible
// sends the student to FSE as a new user; an FSE caseworker approves with an FSE user id, after
// the confirmation page; the supervisor's case page then shows the id and the FSE approval as
// done in the checklist. Every page is checked with axe at desktop width, at 375 px and at
// 200 % zoom, screenshotted, and checked for a page wider than its viewport and for rule ids
// (lib.mjs axeCheck).
//
// The people and the authorisation are made with portalctl. The approved broad project is the
// one thing put in with SQL, as tests/e2e/test_students.c does: approving a project through the
// pages is projects.test.mjs's journey, and a second run of it here would only double the time.
// The PNG logo and the "scanned" signed PDF are made in the test; nothing is a stored fixture.
// Run: node --test tests/browser/students.test.mjs against a running stack; PORTAL_URL,
// PORTAL_CONFIG and PORTAL_MAILDIR say where.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  useBrowser, assertNoCspViolations, journey, sql,
  enrolTotp, fseToQueue, portalctl, png, waitForMail,
} from './lib.mjs';

const PASSWORD = 'tre grønne heste på taget';
// Letters outside Latin-1 a Danish university meets (issue 13: names render correctly).
const STUDENT = 'Łukasz Ğüleç Ørsted';
const PROJECT_TITLE = 'Arbejdsmarkedet og uddannelse';


// An approved broad project of the authorisation `number`, with its FSE project number (R16,
// R20), proposed by `email`: the rows FSE's approval leaves (cases, projects).
function approvedProject(number, email, projectNumber) {
  sql(`INSERT INTO cases (type, state, created_by, authorisation_id, title, data)
         SELECT 'project', 'approved', u.id, a.id, '${PROJECT_TITLE}', 'titel=${PROJECT_TITLE}'
         FROM users u, authorisations a WHERE u.email = '${email}' AND a.number = '${number}';
       INSERT INTO projects (case_id, authorisation_id, number, title)
         SELECT id, authorisation_id, '${projectNumber}', title FROM cases
         WHERE id = LAST_INSERT_ID();`);
}

// A one-page PDF as a scanner writes a plain one (PDF 1.4, one font, an xref table with the
// byte offset of every object), its lines of text in Helvetica: the hand-signed Annex 1 here.
function scannedPdf(title, lines) {
  const esc = (s) => s.replace(/[\\()]/g, '\\$&');
  const text = `BT /F1 12 Tf 72 770 Td 16 TL ${lines.map((l) => `(${esc(l)}) '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>'
      + ' /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    `<< /Title (${esc(title)}) /Producer (students.test.mjs) >>`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = objects.map((o, i) => {
    const at = Buffer.byteLength(body, 'latin1');
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
    + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
    + `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\n`
    + `startxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

// What poppler-utils reads in PDF bytes: the text (pdftotext, layout kept) and pdfinfo's fields.
function readPdf(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'students-pdf-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const info = Object.fromEntries(execFileSync('pdfinfo', [file], { encoding: 'utf8' })
      .split('\n').map((l) => l.match(/^([^:]+):\s*(.*)$/)).filter(Boolean)
      .map((m) => [m[1], m[2]]));
    return { text, info };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

useBrowser();

// Room for a loaded machine and the sanitizer pass, as in projects.test.mjs: four people, about
// 25 pages, each laid out and checked three times.
test('logo, student case with a refused reason, Annex 1 as PDF, signed upload, administrators, '
  + 'FSE approves the student as a user', { timeout: 600_000 }, async (t) => {
  const hex = randomBytes(4).toString('hex');
  const domain = `stud-${hex}.dk`;
  const number = `UA-ST-${hex}`;
  const institution = `Institut for Specialeforskning ${hex}`;
  // Outside the P-<year>-<n> series FSE's approvals number from (test_projects counts it).
  const projectNumber = `PT-${hex}`;
  const responsible = { name: 'Rikke Ansvarlig', email: `rikke.ansvarlig@${domain}` };
  const supervisor = { name: 'Valdemar Vejleder', email: `valdemar.vejleder@${domain}` };
  const admin = { name: 'Anja Administrator', email: `anja.administrator@${domain}` };
  const caseworker = { name: 'Signe Sagsbehandler', email: `signe.${hex}@dst.dk` };
  const studentEmail = `lukasz.orsted@${domain}`;
  const thesis = `Uddannelse og indkomst over livsforløbet ${hex}`;
  const fseId = `STU${String(randomInt(100000)).padStart(5, '0')}`;

  // ---- Setup as an operator ---------------------------------------------------------------
  portalctl(['create-user', responsible.email, responsible.name], `${PASSWORD}\n`);
  portalctl(['create-authorisation', 'ku', institution, number, domain, responsible.email]);
  for (const [who, role] of [[supervisor, 'supervisor'], [admin, 'administrator']]) {
    portalctl(['create-user', who.email, who.name], `${PASSWORD}\n`);
    assert.match(portalctl(['grant-role', who.email, role, number]), /^granted /);
  }
  portalctl(['create-fse', caseworker.email, caseworker.name, 'fse_caseworker'], `${PASSWORD}\n`);
  approvedProject(number, supervisor.email, projectNumber);

  const { record, logIn, sessions } = journey(t, 'students', PASSWORD);
  const main = (page) => page.locator('main');
  // The roles that reach data log in with a second factor (responsible, administrator).
  async function enrol(page, tag) {
    await main(page).getByRole('link', { name: 'Slå det til nu' }).click();
    await page.waitForURL('**/konto/totp');
    await record(page, `${tag}-totp`);
    await enrolTotp(page);
  }
  // From the account page to the authorisation's list of students, by the links.
  async function toStudents(page, tag) {
    await main(page).getByRole('link', { name: 'Mine autorisationer', exact: true }).click();
    await page.waitForURL('**/autorisation');
    await record(page, `${tag}-authorisations`);
    await page.locator('tbody tr', { hasText: number })
      .getByRole('link', { name: /^Specialestuderende/ }).click();
    await page.waitForURL(/\/studerende\?id=\d+$/);
    assert.equal(await page.locator('h1').innerText(), 'Specialestuderende');
    assert.ok((await main(page).innerText()).includes(number));
    return new URL(page.url()).searchParams.get('id');
  }

  // ---- The responsible uploads the institution's logo (R26: Annex 1 carries it) -----------
  const r = await logIn(responsible, 'responsible');
  await enrol(r, 'responsible');
  await main(r).getByRole('link', { name: 'Mine autorisationer', exact: true }).click();
  await r.waitForURL('**/autorisation');
  await r.locator('tbody tr', { hasText: number })
    .getByRole('link', { name: /^Roller og historik/ }).click();
  await r.waitForURL(/\/autorisation\/roller\?id=\d+$/);
  await main(r).getByRole('link', { name: /^Se logoet og historikken, eller upload et nyt/ })
    .click();
  await r.waitForURL(/\/autorisation\/logo\?id=\d+$/);
  await record(r, 'responsible-logo-empty');
  await main(r).getByLabel('Fil med logoet').setInputFiles({ name: 'logo.png',
    mimeType: 'image/png', buffer: png(300, 90) });
  await main(r).getByRole('button', { name: 'Upload logoet' }).click();
  await r.waitForURL(/\/autorisation\/logo\?id=\d+&besked=gemt$/);
  assert.match(await main(r).innerText(), /Logoet er gemt/);
  await record(r, 'responsible-logo-saved');

  // ---- The supervisor starts the case: a fourth line of reason is refused at the field -----
  const v = await logIn(supervisor, 'supervisor');
  const auth = await toStudents(v, 'supervisor');
  assert.match(await main(v).innerText(), /Der er ingen specialestuderende endnu/);
  await record(v, 'supervisor-students-empty');
  await main(v).getByRole('link', { name: 'Tilknyt en ny studerende' }).click();
  await v.waitForURL(`**/studerende/rediger?id=${auth}`);
  assert.equal(await v.locator('h1').innerText(), 'Tilknyt en specialestuderende');
  await record(v, 'supervisor-new-form');
  const reason4 = 'Specialet bruger registerdata om hele befolkningen.\n'
    + 'Det undersøger indkomst over hele livsforløbet.\n'
    + 'Metoden er den samme som i projektets forskning.\n'
    + 'Resultaterne kan indgå i en videnskabelig artikel.';
  const reason = 'Specialet bruger registerdata om hele befolkningen og undersøger indkomst '
    + 'over livsforløbet.\nMetoden er den samme som i projektets forskning.';
  const fields = [
    ['Den studerendes navn', STUDENT],
    ['Den studerendes e-mailadresse på institutionen', studentEmail],
    ['Specialets titel', thesis],
    ['Specialets forfatter(e)', STUDENT],
    ['Specialet begynder', '2027-02-01'],
    ['Forventet aflevering', '2027-06-30'],
  ];
  for (const [label, value] of fields) await v.getByLabel(label, { exact: true }).fill(value);
  const reasonField = v.getByLabel('Kort begrundelse for forskningshøjden (1-3 linjer)');
  await reasonField.fill(reason4);
  const projectField = v.getByLabel('Det brede projekt, den studerende skal tilknyttes');
  await projectField.selectOption({ label: `${projectNumber} ${PROJECT_TITLE}` });
  const [refused] = await Promise.all([
    v.waitForResponse((resp) => resp.url().endsWith('/studerende/rediger')
      && resp.request().method() === 'POST'),
    v.getByRole('button', { name: 'Gem', exact: true }).click(),
  ]);
  assert.equal(refused.status(), 422, 'four lines of reason are refused');
  await v.waitForLoadState('load');
  const reasonError = v.locator('.form-group', { has: v.locator('#begrundelse') })
    .locator('#begrundelse-error');
  assert.match(await reasonError.innerText(), /højst fylde 3 linjer/);
  assert.equal(await reasonField.getAttribute('aria-invalid'), 'true');
  assert.match(await reasonField.getAttribute('aria-describedby'), /begrundelse-error/);
  assert.match(await v.locator('#fejlopsummering').innerText(), /3 linjer/);
  // Nothing lost: every field holds what was sent, the reason too.
  for (const [label, value] of fields) {
    assert.equal(await v.getByLabel(label, { exact: true }).inputValue(), value, label);
  }
  assert.equal((await reasonField.inputValue()).replace(/\r\n/g, '\n'), reason4);
  assert.equal(await projectField.locator('option:checked').innerText(),
    `${projectNumber} ${PROJECT_TITLE}`);
  assert.equal(sql(`SELECT COUNT(*) FROM cases c JOIN authorisations a
    ON a.id = c.authorisation_id WHERE c.type = 'student' AND a.number = '${number}'`).trim(),
  '0', 'nothing saved from the refused form');
  await record(v, 'supervisor-reason-refused');

  await reasonField.fill(reason);
  await v.getByRole('button', { name: 'Gem', exact: true }).click();
  await v.waitForURL(new RegExp(`/studerende/sag\\?id=${auth}&sag=\\d+&besked=gemt$`));
  const sag = new URL(v.url()).searchParams.get('sag');
  const casePath = `/studerende/sag?id=${auth}&sag=${sag}`;
  assert.equal(await v.locator('h1').innerText(), STUDENT);
  assert.match(await v.locator('#besked').innerText(), /Oplysningerne om den studerende er gemt/);
  const facts = await v.locator('#felter').innerText();
  for (const value of [STUDENT, studentEmail, thesis, projectNumber]) {
    assert.ok(facts.includes(value), `the case shows ${value}`);
  }
  assert.equal(await v.locator('#logo-mangler').count(), 0, 'the logo is there');
  assert.match(await v.locator('#ikke-underskrevet').innerText(), /ikke uploadet/);
  assert.equal(await v.getByRole('button', { name: 'Send til administratorerne' }).count(), 0,
    'not sent before the signed Annex 1 is uploaded');
  await record(v, 'supervisor-case-saved');

  // ---- Annex 1 as a PDF, downloaded in the browser and read back (R26, R28) ---------------
  const [download] = await Promise.all([
    v.waitForEvent('download'),
    main(v).getByRole('link', { name: 'Hent bilag 1 som PDF' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${projectNumber} ${STUDENT}.pdf`);
  const annex1 = readFileSync(await download.path());
  assert.equal(annex1.subarray(0, 5).toString('latin1'), '%PDF-');
  const pdf = readPdf(annex1);
  assert.equal(pdf.info.Title, `${projectNumber} ${STUDENT}`, 'the PDF Title metadata');
  const flat = pdf.text.replace(/\s+/g, ' ');
  assert.ok(flat.includes(STUDENT), `the student's name, letters outside Latin-1 kept: ${flat}`);
  assert.match(flat, /Research potential of the Master Thesis \d/);
  assert.ok(flat.includes(thesis), 'the thesis title');
  assert.ok(flat.includes(supervisor.name), "the supervisor's name");

  // ---- The signed Annex 1, uploaded through the file field (R27) --------------------------
  const signed = scannedPdf(`${projectNumber} ${STUDENT}`, [
    `${projectNumber} Lukasz Gulec Orsted`, 'Assessment of research potential in Master Thesis',
    `Underskrevet i hånden af ${supervisor.name}`,
  ]);
  assert.equal(readPdf(signed).info.Pages, '1', 'the test PDF is one poppler reads');
  const file = main(v).getByLabel('Det underskrevne bilag 1 (PDF)');
  await file.setInputFiles({ name: 'Bilag 1 underskrevet.pdf', mimeType: 'application/pdf',
    buffer: signed });
  await main(v).getByRole('button', { name: 'Upload', exact: true }).click();
  await v.waitForURL(`**${casePath}&besked=uploadet`);
  assert.match(await v.locator('#besked').innerText(), /Det underskrevne bilag 1 er gemt/);
  // Filed as "<FSE project number> <student name>.pdf", whatever the upload was called (R27).
  const filed = `${projectNumber} ${STUDENT}.pdf`;
  assert.equal((await v.locator('#underskrevet').innerText()).replace(/ \([^)]+\), uploadet .* af /,
    ' | '), `${filed} | ${supervisor.name}.`);
  assert.match(await v.locator('#underskrift').innerText(), /ingen digital underskrift/);
  assert.match(await v.locator('#tjek').innerText(),
    /Klar: Bilag 1 er underskrevet og uploadet/);
  // The kept file is the bytes sent, read back through its link.
  const kept = await v.request.get(await main(v)
    .getByRole('link', { name: filed }).getAttribute('href'));
  assert.equal(kept.status(), 200);
  assert.ok(Buffer.from(await kept.body()).equals(signed), 'the stored file is the upload');
  await record(v, 'supervisor-signed-uploaded');

  await v.getByRole('button', { name: 'Send til administratorerne' }).click();
  await v.waitForURL(`**${casePath}&besked=sendt`);
  assert.match(await v.locator('#besked').innerText(), /sendt til autorisationens administratorer/);
  assert.equal(await v.getByRole('link', { name: 'Ret oplysningerne' }).count(), 0,
    'not editable while the administrators have it');
  assert.match(await v.locator('#tjek').innerText(), /Klar: Sendt til administratorerne/);
  await record(v, 'supervisor-sent');

  // ---- The administrator: told by mail, finds the student under Mine sager (R13, R32) ------
  await waitForMail({ to: admin.email, contains: [casePath] });
  const a = await logIn(admin, 'admin');
  await enrol(a, 'admin');
  await main(a).getByRole('link', { name: 'Mine sager', exact: true }).click();
  await a.waitForURL('**/ansoegning');
  const toAttach = a.locator('#til-tilknytning').getByRole('link', { name: STUDENT });
  assert.equal(await toAttach.count(), 1, 'the student waits for the administrator');
  assert.match(await a.locator('#til-tilknytning').innerText(),
    new RegExp(`vejleder ${supervisor.name}, uddannelsesautorisation ${number}`));
  await record(a, 'admin-my-cases');
  await toAttach.click();
  await a.waitForURL(`**${casePath}`);
  await a.getByRole('heading', { name: 'Som administrator' }).waitFor();
  assert.ok(await a.getByLabel('Hvad skal vejlederen rette?').isVisible());
  await record(a, 'admin-case');

  // ---- The responsible asks FSE to approve the student as a new user (R6, R10, R15) -------
  await r.goto('/konto');
  assert.equal(await toStudents(r, 'responsible'), auth);
  const row = r.locator('#studerende tbody tr', { hasText: STUDENT });
  assert.ok((await row.innerText()).includes(supervisor.name), 'all students, with supervisor');
  await record(r, 'responsible-students');
  await row.getByRole('link', { name: STUDENT }).click();
  await r.waitForURL(`**${casePath}`);
  await record(r, 'responsible-case');
  await r.getByRole('group', { name: 'Har den studerende et FSE-bruger-id?' })
    .getByLabel('Nej, Forskningsservice skal oprette den studerende som ny bruger').check();
  await r.getByRole('button', { name: 'Send til Forskningsservice' }).click();
  await r.waitForURL(`**${casePath}&besked=fse`);
  assert.match(await r.locator('#fse-status').innerText(), /sendt til Forskningsservice/);
  await record(r, 'responsible-sent-to-fse');

  // ---- FSE approves the student as a user with the id it assigns ---------------------------
  const f = await logIn(caseworker, 'fse');
  await fseToQueue(f, record);
  const request = f.locator('#sagsliste tbody tr', { hasText: STUDENT })
    .filter({ hasText: 'Brugergodkendelse' });
  assert.equal(await request.count(), 1, 'the request waits in the queue');
  await record(f, 'fse-queue');
  await request.getByRole('link', { name: /^Sag \d+$/ }).click();
  await f.waitForURL(/\/fse\/sag\?id=\d+$/);
  const requestId = new URL(f.url()).searchParams.get('id');
  assert.equal(await f.locator('#ny-bruger').innerText(), 'Ja');
  assert.match(await f.locator('#felter').innerText(), new RegExp(studentEmail));
  await record(f, 'fse-request');
  await f.getByLabel('FSE-bruger-id', { exact: true }).fill(fseId);
  await f.getByRole('button', { name: 'Godkend', exact: true }).click();
  await f.waitForURL('**/fse/sag/afgoer');
  assert.match(await f.locator('#godkendelsens-vaerdi').innerText(),
    new RegExp(`FSE-bruger-id: ${fseId}`));
  assert.ok((await f.locator('#godkendelsen-opretter').innerText()).includes(STUDENT));
  await record(f, 'fse-approve-confirm');
  await f.getByRole('button', { name: 'Ja, godkend', exact: true }).click();
  await f.waitForURL(new RegExp(`/fse/sag\\?id=${requestId}&besked=`));
  assert.equal(await f.locator('#status').getAttribute('data-state'), 'approved');
  assert.equal(await f.locator('#godkendt-id').innerText(), fseId);
  await record(f, 'fse-approved');

  // ---- The supervisor sees the id, and the FSE approval done in the checklist ---------------
  await waitForMail({ to: supervisor.email, contains: [fseId] });
  await v.goto(casePath);
  assert.match(await v.locator('#fse-status').innerText(),
    new RegExp(`godkendt den studerende som bruger\\. FSE-bruger-id: ${fseId}\\.`));
  const checklist = v.locator('#tjek li');
  assert.equal(await checklist.filter({ hasText: 'Forskningsservice har godkendt den studerende '
    + 'som bruger' }).innerText(),
  'Klar: Forskningsservice har godkendt den studerende som bruger');
  // What comes with the next steps is not done yet.
  assert.match(await checklist.filter({ hasText: 'Adgang til projektet' }).innerText(),
    /^Endnu ikke:/);
  await record(v, 'supervisor-fse-approved');

  // Chromium logs the deliberately refused form's 422 as a failed load: exactly that one, in
  // the supervisor's browser; anything else is an error.
  const refusedLoad = (m) => /^Failed to load resource: the server responded with a status of 422\b.*\[[^\]]*\/studerende\/rediger\]$/.test(m);
  for (const { who, page, problems } of sessions) {
    await assertNoCspViolations(page, problems);
    assert.equal(problems.consoleErrors.filter(refusedLoad).length,
      who === supervisor.name ? 1 : 0, `the refused form's 422 in ${who}'s browser`);
    assert.deepEqual(problems.consoleErrors.filter((m) => !refusedLoad(m)), [],
      `console errors in ${who}'s browser`);
  }
});
