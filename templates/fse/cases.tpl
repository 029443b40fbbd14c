{{%AUTOESCAPE context="HTML"}}
{{! FSE's cases (GET /fse/sager, issues 5 and 6): by default the queue, every case waiting for a
    decision, applications and project proposals alike, oldest first, with its age in working days
    (lib/workdays: weekdays less the days the state is closed); a GET filter (it changes nothing
    and can be linked to) shows cases in another state, of one kind, or matching a search. }}
<h1>{{HEADING}}</h1>
{{#QUEUE_LEAD}}<p class="font-lead">Ansøgninger om uddannelsesautorisation, projektindstillinger og anmodninger om at godkende specialestuderende som brugere, med den ældste
først. Alderen er i arbejdsdage (mandag til fredag, helligdage trukket fra).</p>{{/QUEUE_LEAD}}
{{>ERROR_SUMMARY}}
<form method="get" action="/fse/sager" novalidate class="mb-5" id="filter">
  <div class="form-group{{#ERROR_tilstand}} form-error{{/ERROR_tilstand}}">
    <label class="form-label" for="tilstand">Vis sager, der er</label>
    {{#ERROR_tilstand}}<span class="form-error-message" id="tilstand-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_tilstand}}
    <select class="form-select" name="tilstand" id="tilstand"{{#ERROR_tilstand}} aria-invalid="true" aria-describedby="tilstand-error"{{/ERROR_tilstand}}>
    {{#STATE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
    {{/STATE_OPTION}}</select>
  </div>
  <div class="form-group{{#ERROR_type}} form-error{{/ERROR_type}}">
    <label class="form-label" for="type">Type</label>
    {{#ERROR_type}}<span class="form-error-message" id="type-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_type}}
    <select class="form-select" name="type" id="type"{{#ERROR_type}} aria-invalid="true" aria-describedby="type-error"{{/ERROR_type}}>
    {{#TYPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
    {{/TYPE_OPTION}}</select>
  </div>
  <div class="form-group{{#ERROR_soeg}} form-error{{/ERROR_soeg}}">
    <label class="form-label" for="soeg">Søg</label>
    <span class="form-hint" id="soeg-hint">Sagsnummer, titel, ansøgerens eller vejlederens navn eller e-mail, eller autorisationens nummer.</span>
    {{#ERROR_soeg}}<span class="form-error-message" id="soeg-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_soeg}}
    <input class="form-input" type="search" name="soeg" id="soeg" value="{{VALUE_soeg}}" aria-describedby="soeg-hint{{#ERROR_soeg}} soeg-error{{/ERROR_soeg}}"{{#ERROR_soeg}} aria-invalid="true"{{/ERROR_soeg}}>
  </div>
  <button type="submit" class="button button-secondary">Vis</button>
</form>
{{#EMPTY}}<p id="sagsliste">Der er ingen sager, der er {{SHOWING}}, og som passer til søgningen.</p>{{/EMPTY}}
{{#HAS_ROWS}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="sagsliste-titel">
<table class="table table-md-responsive-headers table--compact table--zebra" id="sagsliste">
  <caption id="sagsliste-titel">Sager, der er {{SHOWING}} ({{COUNT}}{{#MORE}}, de første{{/MORE}})</caption>
  <thead><tr>
    <th scope="col">Sag</th>
    <th scope="col">Type</th>
    <th scope="col">Titel og institution</th>
    <th scope="col">Ansøger</th>
    <th scope="col">Status</th>
    <th scope="col">Indsendt</th>
    <th scope="col">Alder</th>
  </tr></thead>
  <tbody>
  {{#ROW}}<tr id="sag-{{ID}}">
    <th data-title="Sag" scope="row"><a href="/fse/sag?id={{ID}}">Sag {{ID}}</a></th>
    <td data-title="Type">{{TYPE}}</td>
    <td data-title="Titel og institution">{{TITLE}}<br><span class="font-size-sm">{{UNIVERSITY}}</span></td>
    <td data-title="Ansøger">{{APPLICANT}}<br><span class="font-size-sm">{{APPLICANT_EMAIL}}</span></td>
    <td data-title="Status">{{STATE}}</td>
    <td data-title="Indsendt">{{SUBMITTED}}</td>
    <td data-title="Alder" id="alder-{{ID}}">{{AGE}} {{#ONE_DAY}}arbejdsdag{{/ONE_DAY}}{{#DAYS}}arbejdsdage{{/DAYS}}{{#NO_AGE}}-{{/NO_AGE}}</td>
  </tr>
  {{/ROW}}</tbody>
</table>
</div>{{/HAS_ROWS}}
<p class="mt-6"><a href="/fse">Tilbage til Forskningsservices sider</a></p>
