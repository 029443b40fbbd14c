{{%AUTOESCAPE context="HTML"}}
{{! The dated fee rate table for FSE staff (GET/POST /fse/takster, issue 6; R23, R24, R29): per
    kind the rate valid today, every period with its status, demo values marked as such, and, for
    the roles the policy allows (decided in cgi-bin/fse_rates.c, never here), the form that adds
    a rate. A period's last day is included. }}
<h1>Takster</h1>
<p class="font-lead">Gebyrerne for Specialeordningen er takster, der gælder i en bestemt periode.
Portalen bruger den takst, der gælder på den dag, noget sker, fx når en projektindstilling sendes.
En takst, der er tilføjet, ændres ikke: kommer der en ny takst, tilføjer du den med den dato, den
gælder fra.</p>
{{#NOTICE_ADDED}}<div class="alert alert-success" role="status" id="besked">
  <svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg>
  <div class="alert-body">
    <p class="alert-text">Taksten for {{LABEL}} er tilføjet: {{RATE}}.{{#CLOSED}} Den hidtidige
    takst gælder nu til og med {{TO}}.{{/CLOSED}}</p>
  </div>
</div>{{/NOTICE_ADDED}}
<p>I dag er det {{TODAY}}.</p>
{{#KIND}}
<h2 id="{{NAME}}">{{LABEL}} <span class="weight-normal">({{UNIT}})</span></h2>
<p>{{HELP}}</p>
{{#CURRENT}}<p id="gaeldende-{{NAME}}">Gælder i dag: <strong>{{AMOUNT}}</strong> {{UNIT}}{{#DEMO}} <span class="badge badge-warning">Demoværdi</span>{{/DEMO}}</p>{{/CURRENT}}
{{#NO_CURRENT}}<p id="gaeldende-{{NAME}}">Der er ingen takst, der gælder i dag.</p>{{/NO_CURRENT}}
{{#HAS_DEMO}}<div class="alert alert-warning">
  <svg class="icon-svg alert-icon" aria-label="Advarsel" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#warning"></use></svg>
  <div class="alert-body">
    <p class="alert-text">Beløb markeret »Demoværdi« er pladsholdere fra opsætningen af portalen.
    De er ikke gældende takster. Tilføj den rigtige takst med den dato, den gælder fra.</p>
  </div>
</div>{{/HAS_DEMO}}
{{#EMPTY}}<p>Der er ingen takster for {{LABEL}} endnu.</p>{{/EMPTY}}
{{#TABLE}}<table class="table table-md-responsive-headers table--compact" id="takster-{{NAME}}">
  <caption>Takster for {{LABEL}}, den ældste først</caption>
  <thead><tr><th scope="col">Beløb</th><th scope="col">Gælder fra</th><th scope="col">Gælder til og med</th><th scope="col">Status</th><th scope="col">Note</th></tr></thead>
  <tbody>
  {{#RATE}}<tr id="takst-{{ID}}">
    <td data-title="Beløb">{{AMOUNT}}</td><td data-title="Gælder fra">{{FROM}}</td><td data-title="Gælder til og med">{{TO}}</td>
    <td data-title="Status">{{#IS_CURRENT}}<span class="badge badge-success">Gælder nu</span>{{/IS_CURRENT}}{{#IS_FUTURE}}<span class="badge badge-info">Kommende</span>{{/IS_FUTURE}}{{#IS_PAST}}<span class="badge">Ikke gældende</span>{{/IS_PAST}}{{#IS_DEMO}} <span class="badge badge-warning">Demoværdi</span>{{/IS_DEMO}}</td>
    <td data-title="Note">{{NOTE}}</td>
  </tr>
  {{/RATE}}</tbody>
</table>{{/TABLE}}
{{/KIND}}
{{#ADD}}
<h2 id="ny-takst">Tilføj en takst</h2>
<p>En ny takst, der gælder fra en senere dag end en takst uden slutdato, afslutter den hidtidige
takst dagen før. Ellers må perioden ikke overlappe en anden takst af samme slags.</p>
{{>ERROR_SUMMARY}}
<form method="post" action="/fse/takster" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <div class="form-group{{#ERROR_art}} form-error{{/ERROR_art}}">
    <label class="form-label" for="art">Hvad er taksten for?</label>
    {{#ERROR_art}}<span class="form-error-message" id="art-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_art}}
    <select class="form-select" id="art" name="art"{{#ERROR_art}} aria-invalid="true" aria-describedby="art-error"{{/ERROR_art}}>
      <option value="">Vælg</option>
      {{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
      {{/KIND_OPTION}}
    </select>
  </div>
  <div class="form-group{{#ERROR_beloeb}} form-error{{/ERROR_beloeb}}">
    <label class="form-label" for="beloeb">Beløb i kroner</label>
    <span class="form-hint" id="beloeb-hint">Fx 1.250,00. Højst to decimaler.</span>
    {{#ERROR_beloeb}}<span class="form-error-message" id="beloeb-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_beloeb}}
    <input class="form-input input-width-s" type="text" inputmode="decimal" id="beloeb" name="beloeb" value="{{VALUE_beloeb}}" aria-describedby="beloeb-hint{{#ERROR_beloeb}} beloeb-error{{/ERROR_beloeb}}"{{#ERROR_beloeb}} aria-invalid="true"{{/ERROR_beloeb}}>
  </div>
  <div class="form-group{{#ERROR_gyldig_fra}} form-error{{/ERROR_gyldig_fra}}">
    <label class="form-label" for="gyldig_fra">Gælder fra og med</label>
    <span class="form-hint" id="gyldig_fra-hint">Den første dag, taksten gælder, fx 2027-01-01.</span>
    {{#ERROR_gyldig_fra}}<span class="form-error-message" id="gyldig_fra-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_gyldig_fra}}
    <input class="form-input input-width-s" type="date" id="gyldig_fra" name="gyldig_fra" value="{{VALUE_gyldig_fra}}" aria-describedby="gyldig_fra-hint{{#ERROR_gyldig_fra}} gyldig_fra-error{{/ERROR_gyldig_fra}}"{{#ERROR_gyldig_fra}} aria-invalid="true"{{/ERROR_gyldig_fra}}>
  </div>
  <div class="form-group{{#ERROR_gyldig_til}} form-error{{/ERROR_gyldig_til}}">
    <label class="form-label" for="gyldig_til">Gælder til og med (valgfrit)</label>
    <span class="form-hint" id="gyldig_til-hint">Lad feltet stå tomt, hvis taksten gælder indtil videre.</span>
    {{#ERROR_gyldig_til}}<span class="form-error-message" id="gyldig_til-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_gyldig_til}}
    <input class="form-input input-width-s" type="date" id="gyldig_til" name="gyldig_til" value="{{VALUE_gyldig_til}}" aria-describedby="gyldig_til-hint{{#ERROR_gyldig_til}} gyldig_til-error{{/ERROR_gyldig_til}}"{{#ERROR_gyldig_til}} aria-invalid="true"{{/ERROR_gyldig_til}}>
  </div>
  <div class="form-group{{#ERROR_note}} form-error{{/ERROR_note}}">
    <label class="form-label" for="note">Note (valgfrit)</label>
    <span class="form-hint" id="note-hint">Fx hvilken beslutning taksten bygger på. Højst 200 tegn.</span>
    {{#ERROR_note}}<span class="form-error-message" id="note-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_note}}
    <input class="form-input" type="text" id="note" name="note" value="{{VALUE_note}}" aria-describedby="note-hint{{#ERROR_note}} note-error{{/ERROR_note}}"{{#ERROR_note}} aria-invalid="true"{{/ERROR_note}}>
  </div>
  <button type="submit" class="button button-primary">Tilføj taksten</button>
</form>
{{/ADD}}
{{#READ_ONLY}}<p>Sagsbehandlere og kontorchefen i Forskningsservice kan tilføje takster.</p>{{/READ_ONLY}}
