{{%AUTOESCAPE context="HTML"}}
{{! The certification course for FSE staff (GET/POST /fse/certificering, issue 14; R14): who has
    passed, searchable, newest first, withdrawn passes marked; for the roles the policy allows
    (decided in cgi-bin/fse_certification.c, never here) the forms that record one pass, record
    a list, and withdraw a pass with a reason. }}
<h1>Certificeringskursus</h1>
<p class="font-lead">Alle brugere skal have bestået Danmarks Statistiks certificeringskursus, før
de får adgang til data. Når I registrerer, at en person har bestået, bliver en studerendes adgang
aktiv med det samme, hvis den kun ventede på kurset. Personen og institutionens administratorer kan
se det på portalen.</p>
{{#NOTICE_RECORDED}}<div class="alert alert-success" role="status" id="besked">
  <svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg>
  <div class="alert-body">
    <p class="alert-text">Kurset er registreret for {{NAME}} ({{EMAIL}}): bestået {{PASSED}}{{#UNTIL}}, gælder til og med {{DATE}}{{/UNTIL}}{{#NO_END}}, udløber ikke{{/NO_END}}.</p>
    <p class="alert-text" id="aktive">{{ACTIVE}}</p>
  </div>
</div>{{/NOTICE_RECORDED}}
{{#NOTICE_LIST}}<div class="alert alert-success" role="status" id="besked">
  <svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg>
  <div class="alert-body">
    <h2 class="alert-heading">Listen er registreret</h2>
    <ul class="alert-text" id="opsummering">
      <li>Nye beståelser: <strong id="antal-nye">{{NEW}}</strong>.</li>
      <li>Registreret i forvejen og ikke ændret: <strong id="antal-fandtes">{{FOUND}}</strong>.</li>
      {{#REPEATED}}<li>Linjer, der gentog en linje længere oppe i listen: <strong id="antal-gentaget">{{COUNT}}</strong>.</li>{{/REPEATED}}
      <li id="aktive">{{ACTIVE}}</li>
    </ul>
    {{#HEADER}}<p class="alert-text">Den første linje blev læst som overskrift.</p>{{/HEADER}}
  </div>
</div>{{/NOTICE_LIST}}
{{#NOTICE_WITHDRAWN}}<div class="alert alert-success" role="status" id="besked">
  <svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg>
  <div class="alert-body">
    <p class="alert-text">Beståelsen for {{NAME}} ({{EMAIL}}) den {{PASSED}} er tilbagekaldt. Den står stadig i listen, markeret som tilbagekaldt, med jeres begrundelse.</p>
  </div>
</div>{{/NOTICE_WITHDRAWN}}
<p>I dag er det {{TODAY}}.</p>

{{#WITHDRAW}}
<h2 id="tilbagekald">Tilbagekald en beståelse</h2>
<p>Du tilbagekalder, at {{NAME}} ({{EMAIL}}) har bestået kurset {{PASSED}}. Beståelsen bliver ikke
slettet: den står i listen som tilbagekaldt, med hvem der gjorde det, hvornår og hvorfor. En
adgang, der er aktiv, slutter ikke af det.</p>
{{>ERROR_SUMMARY}}
<form method="post" action="/fse/certificering/tilbagekald" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <div class="form-group{{#ERROR_begrundelse}} form-error{{/ERROR_begrundelse}}">
    <label class="form-label" for="begrundelse">Hvorfor tilbagekalder du beståelsen?</label>
    <span class="form-hint" id="begrundelse-hint">Fx at den blev registreret for den forkerte person. Højst 1.000 tegn.</span>
    {{#ERROR_begrundelse}}<span class="form-error-message" id="begrundelse-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_begrundelse}}
    <textarea class="form-input" id="begrundelse" name="begrundelse" rows="3" aria-describedby="begrundelse-hint{{#ERROR_begrundelse}} begrundelse-error{{/ERROR_begrundelse}}"{{#ERROR_begrundelse}} aria-invalid="true"{{/ERROR_begrundelse}}>{{VALUE_begrundelse:pre_escape}}</textarea>
  </div>
  <button type="submit" class="button button-primary">Tilbagekald beståelsen</button>
  <a class="button button-secondary" href="/fse/certificering">Fortryd</a>
</form>
{{/WITHDRAW}}

{{#RECORD}}
<h2 id="registrer">Registrér en person, der har bestået</h2>
<p>Skriv den e-mailadresse, personen bruger på portalen, eller den adresse, institutionen har
tilknyttet den studerende med.</p>
{{>ERROR_SUMMARY}}
<form method="post" action="/fse/certificering" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <div class="form-group{{#ERROR_email}} form-error{{/ERROR_email}}">
    <label class="form-label" for="email">E-mailadresse</label>
    {{#ERROR_email}}<span class="form-error-message" id="email-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_email}}
    <input class="form-input" type="email" autocomplete="off" id="email" name="email" value="{{VALUE_email}}"{{#ERROR_email}} aria-describedby="email-error" aria-invalid="true"{{/ERROR_email}}>
  </div>
  <div class="form-group{{#ERROR_navn}} form-error{{/ERROR_navn}}">
    <label class="form-label" for="navn">Navn</label>
    {{#ERROR_navn}}<span class="form-error-message" id="navn-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_navn}}
    <input class="form-input" type="text" autocomplete="off" id="navn" name="navn" value="{{VALUE_navn}}"{{#ERROR_navn}} aria-describedby="navn-error" aria-invalid="true"{{/ERROR_navn}}>
  </div>
  <div class="form-group{{#ERROR_bestaaet}} form-error{{/ERROR_bestaaet}}">
    <label class="form-label" for="bestaaet">Bestået den</label>
    <span class="form-hint" id="bestaaet-hint">Den dag, kurset blev bestået, fx 2027-03-14.</span>
    {{#ERROR_bestaaet}}<span class="form-error-message" id="bestaaet-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_bestaaet}}
    <input class="form-input input-width-s" type="date" id="bestaaet" name="bestaaet" value="{{VALUE_bestaaet}}" aria-describedby="bestaaet-hint{{#ERROR_bestaaet}} bestaaet-error{{/ERROR_bestaaet}}"{{#ERROR_bestaaet}} aria-invalid="true"{{/ERROR_bestaaet}}>
  </div>
  <div class="form-group{{#ERROR_gyldig_til}} form-error{{/ERROR_gyldig_til}}">
    <label class="form-label" for="gyldig_til">Gælder til og med (valgfrit)</label>
    <span class="form-hint" id="gyldig_til-hint">Den sidste dag, beviset gælder. Lad feltet stå tomt, hvis det ikke udløber.</span>
    {{#ERROR_gyldig_til}}<span class="form-error-message" id="gyldig_til-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_gyldig_til}}
    <input class="form-input input-width-s" type="date" id="gyldig_til" name="gyldig_til" value="{{VALUE_gyldig_til}}" aria-describedby="gyldig_til-hint{{#ERROR_gyldig_til}} gyldig_til-error{{/ERROR_gyldig_til}}"{{#ERROR_gyldig_til}} aria-invalid="true"{{/ERROR_gyldig_til}}>
  </div>
  <button type="submit" class="button button-primary">Registrér</button>
</form>
{{/RECORD}}

{{#LIST}}
<h2 id="liste-overskrift">Registrér en liste</h2>
<p>Én person pr. linje med kolonnerne <strong>e-mailadresse; navn; bestået den; gælder til og
med</strong>. Den sidste kolonne kan være tom. Datoer skrives dd-mm-åååå eller åååå-mm-dd.
Kolonnerne kan skilles med semikolon, komma eller tabulator, og den første linje må være en
overskrift. Gem listen fra Excel som »CSV UTF-8«, eller kopiér cellerne og indsæt dem i feltet.</p>
<p>Enten bliver hele listen registreret, eller også bliver intet registreret: har en linje fejl,
får du at vide hvilken, og du kan rette den og sende listen igen. En person, der allerede er
registreret med samme dato, bliver ikke registreret to gange.</p>
{{>ERROR_SUMMARY}}
<form method="post" action="/fse/certificering/liste" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <div class="form-group{{#ERROR_fil}} form-error{{/ERROR_fil}}">
    <label class="form-label" for="fil">Fil med listen (CSV eller tekst)</label>
    <span class="form-hint" id="fil-hint">Højst 2.000 linjer og 512 kB.</span>
    {{#ERROR_fil}}<span class="form-error-message" id="fil-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_fil}}
    <input class="form-input" type="file" id="fil" name="fil" accept=".csv,.txt,text/csv,text/plain" aria-describedby="fil-hint{{#ERROR_fil}} fil-error{{/ERROR_fil}}{{#LINE_PROBLEMS}} liste-linjer{{/LINE_PROBLEMS}}"{{#ERROR_fil}} aria-invalid="true"{{/ERROR_fil}}>
  </div>
  <div class="form-group{{#ERROR_liste}} form-error{{/ERROR_liste}}">
    <label class="form-label" for="liste">Eller indsæt listen her</label>
    <span class="form-hint" id="liste-hint">Fx: anne.jensen@ku.dk;Anne Jensen;14-03-2027;14-03-2029</span>
    {{#ERROR_liste}}<span class="form-error-message" id="liste-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_liste}}
    {{#FROM_FILE}}<p id="liste-fra-fil">Listen fra filen står nu i feltet herunder, så du kan rette den her og sende den igen.</p>{{/FROM_FILE}}
    <textarea class="form-input" id="liste" name="liste" rows="10" aria-describedby="liste-hint{{#ERROR_liste}} liste-error{{/ERROR_liste}}{{#LINE_PROBLEMS}} liste-linjer{{/LINE_PROBLEMS}}"{{#ERROR_liste}} aria-invalid="true"{{/ERROR_liste}}>{{VALUE_liste:pre_escape}}</textarea>
  </div>
  {{#LINE_PROBLEMS}}<div class="form-error" id="liste-linjer">
    <p><strong>Linjer med fejl ({{COUNT}}):</strong></p>
    <ul class="form-error-message">
    {{#PROBLEM}}<li>{{TEXT}}</li>
    {{/PROBLEM}}</ul>
  </div>{{/LINE_PROBLEMS}}
  <button type="submit" class="button button-primary">Registrér listen</button>
</form>
{{/LIST}}
{{#READ_ONLY}}<p>Sagsbehandlere og kontorchefen i Forskningsservice kan registrere og tilbagekalde beståelser.</p>{{/READ_ONLY}}

<h2 id="bestaaede">Beståede kurser</h2>
<form method="get" action="/fse/certificering" class="mb-5" novalidate>
  <div class="form-group{{#ERROR_soeg}} form-error{{/ERROR_soeg}}">
    <label class="form-label" for="soeg">Søg på e-mailadresse eller navn</label>
    {{#ERROR_soeg}}<span class="form-error-message" id="soeg-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_soeg}}
    <input class="form-input" type="search" id="soeg" name="soeg" value="{{SEARCH}}"{{#ERROR_soeg}} aria-describedby="soeg-error" aria-invalid="true"{{/ERROR_soeg}}>
  </div>
  <button type="submit" class="button button-secondary">Søg</button>
  {{#SEARCHING}}<a href="/fse/certificering#bestaaede">Vis alle</a>{{/SEARCHING}}
</form>
{{#EMPTY}}<p id="ingen-bestaaede">{{#SEARCHING}}Ingen beståelser passer på søgningen.{{/SEARCHING}}{{#ALL}}Der er ikke registreret nogen beståelser endnu.{{/ALL}}</p>{{/EMPTY}}
{{#TABLE}}<table class="table table-md-responsive-headers table--compact" id="bestaaelser">
  <caption>{{CAPTION}}, den senest registrerede først</caption>
  <thead><tr><th scope="col">Navn</th><th scope="col">E-mailadresse</th><th scope="col">Bestået</th><th scope="col">Gælder til og med</th><th scope="col">Status</th><th scope="col">Registreret</th>{{#ACTIONS}}<th scope="col"><span class="sr-only">Handling</span></th>{{/ACTIONS}}</tr></thead>
  <tbody>
  {{#ROW}}<tr id="bestaaelse-{{ID}}">
    <td data-title="Navn">{{NAME}}</td>
    <td data-title="E-mailadresse">{{EMAIL}}</td>
    <td data-title="Bestået">{{PASSED}}</td>
    <td data-title="Gælder til og med">{{UNTIL}}</td>
    <td data-title="Status">{{#VALID}}<span class="badge badge-success">Gælder</span>{{/VALID}}{{#EXPIRED}}<span class="badge badge-warning">Udløbet</span>{{/EXPIRED}}{{#WITHDRAWN}}<span class="badge badge-error">Tilbagekaldt</span> {{AT}} af {{BY}}: {{REASON}}{{/WITHDRAWN}}</td>
    <td data-title="Registreret">{{REC_AT}} af {{REC_BY}}, {{HOW}}</td>
    {{#ACTIONS}}<td data-title="Handling">{{#CAN_WITHDRAW}}<a href="/fse/certificering?tilbagekald={{ID}}#tilbagekald">Tilbagekald<span class="sr-only"> beståelsen for {{NAME}}</span></a>{{/CAN_WITHDRAW}}</td>{{/ACTIONS}}
  </tr>
  {{/ROW}}</tbody>
</table>
{{#LIMITED}}<p>Listen viser de {{SHOWN}} senest registrerede af {{TOTAL}}. Søg for at finde andre.</p>{{/LIMITED}}{{/TABLE}}
<p><a href="/fse">Tilbage til Forskningsservice</a></p>
