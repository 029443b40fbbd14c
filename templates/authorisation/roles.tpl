{{%AUTOESCAPE context="HTML"}}
{{! Roles on one authorisation: holders, open invitations, history (R34), invite (R9, R6). }}
<h1>Roller på autorisationen</h1>
<p class="font-lead">{{INSTITUTION}}, autorisation {{NUMBER}}.</p>
{{#NOTICE_INVITED}}<div class="alert alert-success" role="status"><svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg><div class="alert-body"><p class="alert-text">Invitationen er sendt. Personen får en e-mail med et link, der virker i 7 dage.</p></div></div>{{/NOTICE_INVITED}}
{{#NOTICE_WITHDRAWN}}<div class="alert alert-success" role="status"><svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg><div class="alert-body"><p class="alert-text">Invitationen er trukket tilbage. Linket virker ikke længere, og personen har fået besked.</p></div></div>{{/NOTICE_WITHDRAWN}}
{{#NOTICE_RESENT}}<div class="alert alert-success" role="status"><svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg><div class="alert-body"><p class="alert-text">Invitationen er sendt igen med et nyt link, der virker i 7 dage. Det gamle link virker ikke længere.</p></div></div>{{/NOTICE_RESENT}}
{{#NOTICE_REVOKED}}<div class="alert alert-success" role="status"><svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg><div class="alert-body"><p class="alert-text">Rollen er tilbagekaldt. Den virker ikke længere, personen har fået besked, og det står i historikken.</p></div></div>{{/NOTICE_REVOKED}}
{{>ERROR_SUMMARY}}
<h2>Hvem har hvilken rolle</h2>
<table class="table table-md-responsive-headers">
  <caption class="sr-only">Aktive roller</caption>
  <thead><tr><th scope="col">Rolle</th><th scope="col">Navn</th><th scope="col">E-mail</th><th scope="col">Siden</th><th scope="col">Givet af</th><th scope="col"><span class="sr-only">Handling</span></th></tr></thead>
  <tbody>
  {{#HOLDER}}<tr><td data-title="Rolle">{{ROLE}}</td><td data-title="Navn">{{NAME}}</td><td data-title="E-mail">{{EMAIL}}</td><td data-title="Siden">{{GRANTED}}</td><td data-title="Givet af">{{GRANTED_BY}}</td>
  <td data-title="">{{#REVOKE}}<form method="post" action="/autorisation/tilbagekald" class="revoke-form">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="id" value="{{ID}}"><input type="hidden" name="tildeling" value="{{ASSIGNMENT}}">
    <label class="form-label" for="begrundelse-{{ASSIGNMENT}}">Begrundelse<span class="sr-only"> for at tilbagekalde {{NAME}} som {{ROLE}}</span></label>
    <input class="form-input" type="text" id="begrundelse-{{ASSIGNMENT}}" name="begrundelse" maxlength="500">
    <button type="submit" class="button button-secondary">Tilbagekald<span class="sr-only"> {{NAME}} som {{ROLE}}</span></button>
  </form>{{/REVOKE}}</td></tr>
  {{/HOLDER}}</tbody>
</table>
<h2>Invitationer, der ikke er taget imod</h2>
{{#NO_PENDING}}<p>Ingen. Når du inviterer en person, står invitationen her, til personen tager imod den.</p>{{/NO_PENDING}}
<ul>
{{#PENDING}}<li>{{EMAIL}} som {{ROLE}}: {{#OPEN}}gyldig til {{EXPIRES}}{{/OPEN}}{{#EXPIRED}}udløbet {{EXPIRES}}{{/EXPIRED}}
  {{#ACTIONS}}<form method="post" action="/autorisation/invitation/send-igen" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="id" value="{{ID}}"><input type="hidden" name="invitation" value="{{INVITATION}}"><button type="submit" class="button button-secondary">Send igen<span class="sr-only"> til {{EMAIL}}</span></button></form>
  <form method="post" action="/autorisation/invitation/traek-tilbage" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="id" value="{{ID}}"><input type="hidden" name="invitation" value="{{INVITATION}}"><button type="submit" class="button button-tertiary">Træk tilbage<span class="sr-only"> invitationen til {{EMAIL}}</span></button></form>{{/ACTIONS}}</li>
{{/PENDING}}</ul>
{{#PENDING_HELP}}<p>»Send igen« sender et nyt link, der virker i 7 dage; det gamle link holder op med at virke. »Træk tilbage« stopper linket, og personen får besked.</p>{{/PENDING_HELP}}
{{#INVITE}}
<h2>Inviter en person</h2>
<p>Personen får en e-mail med et link, der virker i {{INVITE_DAYS}} dage. Adressen skal være fra institutionens domæner: {{DOMAINS}}.</p>
{{#FSE_RESPONSIBLE}}<p id="fse-ansvarlig">Som Forskningsservice kan du også invitere til rollen som autorisationsansvarlig, fx når lederens invitation er udløbet. Tager personen imod, ophører en ansøgers midlertidige rolle som autorisationsansvarlig, og ansøgeren får besked på e-mail.</p>{{/FSE_RESPONSIBLE}}
<form method="post" action="/autorisation/inviter" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <input type="hidden" name="id" value="{{ID}}">
  <div class="form-group{{#ERROR_email}} form-error{{/ERROR_email}}">
    <label class="form-label" for="email">E-mailadresse</label>
    {{#ERROR_email}}<span class="form-error-message" id="email-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_email}}
    <input class="form-input" type="email" id="email" name="email" value="{{VALUE_email}}"{{#ERROR_email}} aria-invalid="true" aria-describedby="email-error"{{/ERROR_email}}>
  </div>
  <div class="form-group{{#ERROR_rolle}} form-error{{/ERROR_rolle}}">
    <label class="form-label" for="rolle">Rolle</label>
    {{#ERROR_rolle}}<span class="form-error-message" id="rolle-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_rolle}}
    <select class="form-select" id="rolle" name="rolle"{{#ERROR_rolle}} aria-invalid="true" aria-describedby="rolle-error"{{/ERROR_rolle}}>
      <option value="">Vælg rolle</option>
      {{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
      {{/ROLE_OPTION}}</select>
  </div>
  {{#OVERRIDE}}<div class="form-group">
    <label class="form-label" for="begrundelse">Begrundelse, hvis adressen ikke er fra institutionens domæner</label>
    <span class="form-hint" id="begrundelse-hint">Kun Forskningsservice kan invitere uden for domænerne. Begrundelsen gemmes.</span>
    <input class="form-input" type="text" id="begrundelse" name="begrundelse" value="{{VALUE_begrundelse}}" aria-describedby="begrundelse-hint">
  </div>{{/OVERRIDE}}
  <button type="submit" class="button button-primary">Send invitation</button>
</form>
{{/INVITE}}
<h2>Historik</h2>
<table class="table table-md-responsive-headers">
  <caption class="sr-only">Alle roller, også tilbagekaldte</caption>
  <thead><tr><th scope="col">Rolle</th><th scope="col">Navn</th><th scope="col">Givet</th><th scope="col">Givet af</th><th scope="col">Tilbagekaldt</th></tr></thead>
  <tbody>
  {{#HISTORY}}<tr><td data-title="Rolle">{{ROLE}}</td><td data-title="Navn">{{NAME}}</td><td data-title="Givet">{{GRANTED}}</td><td data-title="Givet af">{{GRANTED_BY}}</td><td data-title="Tilbagekaldt">{{#ACTIVE}}Aktiv{{/ACTIVE}}{{#REVOKED}}{{AT}} af {{BY}}: {{REASON}}{{/REVOKED}}</td></tr>
  {{/HISTORY}}</tbody>
</table>
<h2>Det må rollerne</h2>
<dl class="role-abilities">
{{#ROLE_CAN}}<dt>{{LABEL}}</dt><dd>Må {{WHAT}}.</dd>
{{/ROLE_CAN}}</dl>
<h2>Logo til forskningshøjdedokumentet</h2>
{{#LOGO}}<p><img class="logo-image" src="/fil?id={{FILE_ID}}" alt="Logo for {{INSTITUTION}}" width="{{WIDTH}}" height="{{HEIGHT}}"></p>{{/LOGO}}
{{#NO_LOGO}}<p>Der er ikke uploadet et logo endnu. Vejlederne skal bruge det, når de udfylder forskningshøjdedokumentet (bilag 1) for en specialestuderende.</p>{{/NO_LOGO}}
<p><a href="/autorisation/logo?id={{ID}}">Se logoet og historikken{{#CAN_UPLOAD}}, eller upload et nyt{{/CAN_UPLOAD}}</a></p>
