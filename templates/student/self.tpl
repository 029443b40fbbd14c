{{%AUTOESCAPE context="HTML"}}
{{! The thesis student's own page (issue 13; R7, R15): the project, the supervisor, the period, the user agreement and what access still waits for. Only the student's own case. }}
<h1>Mit speciale</h1>
<p class="font-lead">{{INSTITUTION}}</p>
{{#NOTICE_ACCEPTED}}<div class="alert alert-success" role="status" id="besked"><div class="alert-body"><p class="alert-text">Du har accepteret brugeraftalen.</p></div></div>{{/NOTICE_ACCEPTED}}
{{#NO_CASE}}<p id="ingen-sag">Vi kan ikke finde en tilknytning til et speciale for dig her. Din vejleder tilknytter dig; spørg vejlederen, hvis du mener, det er sket.</p>{{/NO_CASE}}
{{#CASE}}<dl id="mit-speciale">
  <dt>Navn</dt><dd>{{NAME}}</dd>
  <dt>Specialets titel</dt><dd>{{THESIS}}</dd>
  <dt>Vejleder</dt><dd>{{SUPERVISOR}}</dd>
  <dt>Periode</dt><dd>{{FROM}} til {{TO}}</dd>
  <dt>Projekt</dt><dd id="projekt">{{#PROJECT}}{{NUMBER}} {{TITLE}}{{/PROJECT}}{{#NO_PROJECT}}Du har endnu ikke adgang til et projekt.{{/NO_PROJECT}}</dd>
  {{#FSE_ID}}<dt>FSE-bruger-id</dt><dd id="fse-id">{{ID}}</dd>{{/FSE_ID}}
</dl>
{{#PERIOD}}<p id="slutdato">Din adgang til data slutter <strong>{{ENDS}}</strong>, når specialeperioden er slut. Du får en påmindelse på e-mail 30 og 7 dage før. Skal perioden forlænges, så tal med din vejleder.</p>{{/PERIOD}}
{{#SANCTION}}<div class="alert alert-error" id="suspenderet"><div class="alert-body"><p class="alert-heading">Din adgang er suspenderet</p><p class="alert-text">{{BY}} suspenderede adgangen {{AT}} for brud på sikkerhedsreglerne: {{REASON}}. Kontakt en administrator på institutionen, hvis du har spørgsmål.</p></div></div>{{/SANCTION}}
{{#ENDED}}<div class="alert alert-info" id="adgang-slut"><div class="alert-body"><p class="alert-heading">Din adgang til data er afsluttet</p><p class="alert-text">Adgangen sluttede {{AT}}: {{WHY}}.{{#NOTE}} Bemærkning: {{TEXT}}{{/NOTE}}</p>{{#PASSED}}<p class="alert-text" id="publicering">Tillykke med specialet. Har din vejleder opfordret dig til at publicere, skal projektet oprettes på ny under Danmarks Statistiks forskerordning eller projektordning. Det sker ikke her på portalen: <a href="https://www.dst.dk/da/TilSalg/Forskningsservice">Forskningsservice hjælper dig videre</a>.</p>{{/PASSED}}</div></div>{{/ENDED}}
<p><a href="/studerende/hjemtagelse?id={{ID}}" id="hjemtag-link">Hjemtag resultater: bed din vejleder om at tage resultater med hjem</a></p>

<h2 id="brugeraftale">Brugeraftalen</h2>
{{#NO_AGREEMENT}}<p>Forskningsservice har endnu ikke offentliggjort brugeraftalen. Du får besked, når du kan acceptere den.</p>{{/NO_AGREEMENT}}
{{#AGREEMENT}}<p>Du skal acceptere brugeraftalen, før du kan arbejde med data. Læs den her.</p>
<div class="pre-line" id="aftaletekst">{{TEXT:pre_escape}}</div>
{{#ACCEPTED}}<p id="accepteret"><strong>Accepteret</strong> af {{BY}} {{AT}} (udgave {{VERSION}}).</p>{{/ACCEPTED}}
{{#ACCEPT}}{{#CHANGED}}<div class="alert alert-warning"><div class="alert-body"><p class="alert-text">Brugeraftalen er ændret, siden du accepterede den. Læs den nye udgave, og acceptér den igen.</p></div></div>{{/CHANGED}}
<form method="post" action="/studerende/brugeraftale">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  <button type="submit" class="button button-primary">Jeg accepterer brugeraftalen</button>
</form>{{/ACCEPT}}{{/AGREEMENT}}

<h2 id="tjekliste">Det venter din adgang på</h2>
{{#ACCESS_ACTIVE}}<p id="adgang-status"><strong>Din adgang er aktiv:</strong> du kan arbejde med data i projektet.</p>{{/ACCESS_ACTIVE}}{{#ACCESS_WAITING}}<p id="adgang-status"><strong>Din adgang er ikke aktiv.</strong> Den bliver aktiv, når alt herunder er på plads.</p>{{/ACCESS_WAITING}}
<ul class="nobullet-list" id="tjek">
{{#CHECK}}  <li>{{#DONE}}<strong>Klar:</strong>{{/DONE}}{{#NOT_YET}}<strong>Endnu ikke:</strong>{{/NOT_YET}} {{TEXT}}{{#WHO}} ({{TEXT}}){{/WHO}}</li>
{{/CHECK}}</ul>

<h2 id="forloeb">Din adgang, trin for trin</h2>
{{#NO_TIMELINE}}<p>Der er ikke sket noget med din adgang endnu.</p>{{/NO_TIMELINE}}
{{#HAS_TIMELINE}}<ul id="forloeb-liste">
{{#TIMELINE}}  <li>{{AT}}: {{WHAT}} ({{BY}}){{#WHY}}: {{TEXT}}{{/WHY}}</li>
{{/TIMELINE}}</ul>{{/HAS_TIMELINE}}{{/CASE}}
<p><a href="/autorisation">Mine autorisationer</a></p>
