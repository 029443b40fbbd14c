{{%AUTOESCAPE context="HTML"}}
{{! One case for FSE (GET /fse/sag, issues 5 and 6): everything the institution entered, the
    kind's own facts (an application: the manager's confirmation and the responsible; a project
    proposal: the authorisation, the signature and the fee), what changed since the last
    submission, the history and, to those who may decide while it waits for a decision, the three
    decisions. Each decision form carries the version shown here, so a colleague's decision in
    between is never overwritten. }}
{{>ERROR_SUMMARY}}
<h1>Sag {{ID}}: {{TITLE}}</h1>
<p class="font-lead">{{KIND}} fra {{UNIVERSITY}}.</p>
{{#STALE}}<div class="alert alert-warning" role="alert" id="aendret">
  <svg class="icon-svg alert-icon" aria-label="Advarsel" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#warning"></use></svg>
  <div class="alert-body"><p class="alert-text">{{TEXT}}</p></div>
</div>{{/STALE}}
{{#NOTICE_APPROVED}}<div class="alert alert-success" role="status" id="besked">
  <svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg>
  <div class="alert-body"><p class="alert-text">Sagen er godkendt. Institutionen har fået en mail
  med nummeret.</p></div>
</div>{{/NOTICE_APPROVED}}
{{#NOTICE_RETURNED}}<div class="alert alert-success" role="status" id="besked">
  <svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg>
  <div class="alert-body"><p class="alert-text">Sagen er sendt tilbage til institutionen med din
  besked.</p></div>
</div>{{/NOTICE_RETURNED}}
{{#NOTICE_REJECTED}}<div class="alert alert-success" role="status" id="besked">
  <svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg>
  <div class="alert-body"><p class="alert-text">Sagen er afvist. Institutionen har fået en mail
  med begrundelsen.</p></div>
</div>{{/NOTICE_REJECTED}}

<dl class="mb-5">
  <dt>Status</dt><dd id="status" data-state="{{STATE_NAME}}">{{STATE}}</dd>
  <dt>{{CREATOR_LABEL}}</dt><dd>{{APPLICANT}} ({{APPLICANT_EMAIL}})</dd>
  <dt>Indsendt</dt><dd>{{SUBMITTED}}</dd>
  {{#AUTHORISATION}}<dt>Autorisation</dt><dd id="autorisation">{{NUMBER}}</dd>
  <dt>Autorisationsansvarlig</dt><dd id="ansvarlig">{{RESPONSIBLE}}{{#TO_MANAGER}} (den personaleansvarlige leder){{/TO_MANAGER}}{{#TO_APPLICANT}} (ansøgeren, fordi lederen ikke havde en konto på portalen, da ansøgningen blev godkendt){{/TO_APPLICANT}}</dd>
  {{#MANAGER_INVITATION}}<dt>Lederens invitation</dt><dd id="leder-invitation">{{#OPEN}}Invitation sendt til lederen ({{EMAIL}}) {{SENT}}. Den virker til {{EXPIRES}}. Når lederen tager imod, overtager lederen rollen fra ansøgeren.{{/OPEN}}{{#ACCEPTED}}Lederen ({{EMAIL}}) tog imod invitationen {{AT}} og har overtaget rollen fra ansøgeren.{{/ACCEPTED}}{{#EXPIRED}}Invitation sendt til lederen ({{EMAIL}}) {{SENT}}; den udløb {{EXPIRES}} uden at være taget imod. Ansøgeren er fortsat autorisationsansvarlig.{{/EXPIRED}}</dd>{{/MANAGER_INVITATION}}{{/AUTHORISATION}}
  {{#PROPOSAL}}<dt>Uddannelsesautorisation</dt><dd id="autorisation"><a href="/projekt?id={{AUTH}}">{{NUMBER}}</a>, {{INSTITUTION}}</dd>
  <dt>Projektindstillinger på autorisationen</dt><dd id="brugt">{{USED}} af {{LIMIT}} brugt</dd>
  <dt>Analyseplatform</dt><dd>{{PLATFORM}}</dd>
  <dt>Underskrift (lovlig efter databeskyttelsesforordningen)</dt><dd id="underskrift">{{#SIGNED}}{{NAME}} ({{EMAIL}}), {{AT}}. Kontrolsum for teksten: <code>{{HASH}}</code>{{/SIGNED}}{{#NOT_SIGNED}}<strong>Ikke underskrevet for teksten, som den er nu</strong>{{/NOT_SIGNED}}</dd>
  <dt>Gebyr</dt><dd id="gebyr">{{#FEE}}{{TEXT}}<br>{{/FEE}}{{#NO_FEE}}Intet gebyr registreret{{/NO_FEE}}</dd>
  {{#PROJECT}}<dt>Projektnummer</dt><dd id="projektnummer">{{PROJECT_NUMBER}}</dd>{{/PROJECT}}{{/PROPOSAL}}
  {{#FSE_USER}}<dt>Sagen om den studerende</dt><dd id="studerende-sag">{{#PARENT}}<a href="/fse/sag?id={{ID}}">Sag {{ID}}</a> ({{STATE}}){{/PARENT}}</dd>
  <dt>Ny bruger</dt><dd id="ny-bruger">{{NEW}}</dd>
  {{#APPROVED_ID}}<dt>Godkendt med FSE-bruger-id</dt><dd id="godkendt-id">{{ID}}</dd>{{/APPROVED_ID}}{{/FSE_USER}}
  {{#DATAMANAGER}}<dt>Hvad anmodningen gælder</dt><dd id="datamanager-adgang">Datamanagerens egen brugeradgang: en administrator, der også er datamanager, danner populationer til autorisationens projekter.</dd>
  <dt>Ny bruger</dt><dd id="ny-bruger">{{NEW}}</dd>
  {{#APPROVED_ID}}<dt>Godkendt med FSE-bruger-id</dt><dd id="godkendt-id">{{ID}}</dd>{{/APPROVED_ID}}
  {{#ENDED}}<dt>Afsluttet</dt><dd id="afsluttet">{{REASON}}</dd>{{/ENDED}}
  <dt>Det venter adgangen på</dt><dd>{{#ACCESS_ACTIVE}}<p id="adgang-status"><strong>Adgangen er aktiv.</strong></p>{{/ACCESS_ACTIVE}}<ul class="nobullet-list" id="tjek">{{#CHECK}}<li>{{#DONE}}<strong>Klar:</strong>{{/DONE}}{{#NOT_YET}}<strong>Endnu ikke:</strong>{{/NOT_YET}} {{TEXT}}{{#WHO}} ({{TEXT}}){{/WHO}}</li>{{/CHECK}}</ul></dd>{{/DATAMANAGER}}
  {{#STUDENT}}<dt>Uddannelsesautorisation</dt><dd id="autorisation">{{NUMBER}}, {{INSTITUTION}}</dd>
  {{#WHO_DECIDES}}<dt>Hvem afgør</dt><dd id="hvem-afgoer">Autorisationens administratorer tager sagen. Forskningsservice godkender den studerende som bruger i en sag for sig.</dd>{{/WHO_DECIDES}}
  <dt>Underskrevet bilag 1 (forskningshøjde)</dt><dd id="bilag1">{{#ANNEX1}}<a href="/fil?id={{FILE_ID}}">{{NAME}}</a>, uploadet {{AT}} af {{BY}}{{#DIGITAL}}. Digitalt underskrevet af {{SIGNER}}: {{VERDICT}}{{/DIGITAL}}{{#SCAN}}. Underskrevet i hånden og scannet.{{/SCAN}}{{/ANNEX1}}{{#NO_ANNEX1}}Ikke uploadet{{/NO_ANNEX1}}</dd>
  <dt>Det venter den studerendes adgang på</dt><dd><ul class="nobullet-list" id="tjek">{{#CHECK}}<li>{{#DONE}}<strong>Klar:</strong>{{/DONE}}{{#NOT_YET}}<strong>Endnu ikke:</strong>{{/NOT_YET}} {{TEXT}}{{#WHO}} ({{TEXT}}){{/WHO}}</li>{{/CHECK}}</ul></dd>
  {{#HAS_TIMELINE}}<dt>Adgangen, trin for trin</dt><dd><ul class="nobullet-list" id="forloeb-liste">{{#TIMELINE}}<li>{{AT}}: {{WHAT}} ({{BY}}){{#WHY}}: {{TEXT}}{{/WHY}}</li>{{/TIMELINE}}</ul></dd>{{/HAS_TIMELINE}}{{/STUDENT}}
</dl>

{{#CHANGES}}<h2 id="aendringer">Ændret siden sidste indsendelse</h2>
<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="aendringer">
<table class="table table-md-responsive-headers table--compact">
  <thead><tr><th scope="col">Felt</th><th scope="col">Før</th><th scope="col">Nu</th></tr></thead>
  <tbody>
  {{#CHANGE}}<tr class="aendring"><th data-title="Felt" scope="row">{{LABEL}}</th><td data-title="Før" class="foer pre-line">{{BEFORE:pre_escape}}</td><td data-title="Nu" class="efter pre-line">{{AFTER:pre_escape}}</td></tr>
  {{/CHANGE}}</tbody>
</table>
</div>{{/CHANGES}}

<h2 id="oplysninger">Det har institutionen oplyst</h2>
<dl id="felter">
{{#FIELD}}  <dt>{{LABEL}}</dt><dd data-field="{{NAME}}" class="pre-line">{{VALUE:pre_escape}}</dd>
{{/FIELD}}</dl>

{{#MANAGER}}<h2 id="leder">Lederens bekræftelse</h2>
<p>{{NAME}} ({{TITLE}}), {{EMAIL}}:
{{#CONFIRMED}}<strong id="leder-status">bekræftet {{AT}}</strong>.{{/CONFIRMED}}
{{#NOT_CONFIRMED}}<strong id="leder-status">ikke bekræftet</strong> for denne adresse.{{/NOT_CONFIRMED}}</p>{{/MANAGER}}

<h2 id="historik">Historik</h2>
<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="historik">
<table class="table table-md-responsive-headers table--compact">
  <thead><tr><th scope="col">Hvornår</th><th scope="col">Hvem</th><th scope="col">Fra</th><th scope="col">Til</th><th scope="col">Begrundelse</th></tr></thead>
  <tbody>
  {{#EVENT}}<tr><td data-title="Hvornår">{{AT}}</td><td data-title="Hvem">{{WHO}}</td><td data-title="Fra">{{FROM}}</td><td data-title="Til">{{TO}}</td><td data-title="Begrundelse" class="pre-line">{{REASON:pre_escape}}</td></tr>
  {{/EVENT}}</tbody>
</table>
</div>

{{#DECIDE}}<h2 id="afgoerelse">Afgørelse</h2>
<form method="post" action="/fse/sag/afgoer" class="mb-5">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  <input type="hidden" name="handling" value="godkend">
  <p>{{APPROVE_TEXT}}</p>
  {{#APPROVE_INPUT}}<div class="form-group{{#ERROR}} form-error{{/ERROR}}">
    <label class="form-label" for="{{NAME}}">{{LABEL}}</label>
    <span class="form-hint" id="{{NAME}}-hint">{{HINT}}</span>
    {{#ERROR}}<span class="form-error-message" id="{{NAME}}-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR}}
    <input class="form-input input-width-s" type="text" id="{{NAME}}" name="{{NAME}}" value="{{VALUE}}" aria-describedby="{{NAME}}-hint{{#ERROR}} {{NAME}}-error{{/ERROR}}"{{#ERROR}} aria-invalid="true"{{/ERROR}}>
  </div>{{/APPROVE_INPUT}}
  <button type="submit" class="button button-primary">Godkend</button>
</form>
<form method="post" action="/fse/sag/afgoer" class="mb-5" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  <input type="hidden" name="handling" value="tilbage">
  <div class="form-group{{#ERROR_begrundelse_tilbage}} form-error{{/ERROR_begrundelse_tilbage}}">
    <label class="form-label" for="begrundelse_tilbage">Send tilbage til rettelse: hvad skal rettes?</label>
    {{#ERROR_begrundelse_tilbage}}<span class="form-error-message" id="begrundelse_tilbage-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_begrundelse_tilbage}}
    <textarea class="form-input" id="begrundelse_tilbage" name="begrundelse" rows="4"{{#ERROR_begrundelse_tilbage}} aria-invalid="true" aria-describedby="begrundelse_tilbage-error"{{/ERROR_begrundelse_tilbage}}>{{VALUE_tilbage:pre_escape}}</textarea>
  </div>
  <button type="submit" class="button button-secondary">Send tilbage</button>
</form>
<form method="post" action="/fse/sag/afgoer" class="mb-5" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  <input type="hidden" name="handling" value="afvis">
  <div class="form-group{{#ERROR_begrundelse_afvis}} form-error{{/ERROR_begrundelse_afvis}}">
    <label class="form-label" for="begrundelse_afvis">Afvis: begrundelse</label>
    {{#ERROR_begrundelse_afvis}}<span class="form-error-message" id="begrundelse_afvis-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_begrundelse_afvis}}
    <textarea class="form-input" id="begrundelse_afvis" name="begrundelse" rows="4"{{#ERROR_begrundelse_afvis}} aria-invalid="true" aria-describedby="begrundelse_afvis-error"{{/ERROR_begrundelse_afvis}}>{{VALUE_afvis:pre_escape}}</textarea>
  </div>
  <button type="submit" class="button button-secondary">Afvis</button>
</form>{{/DECIDE}}
<p class="mt-6"><a href="/fse/sager">Tilbage til sagerne</a></p>
