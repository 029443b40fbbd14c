{{%AUTOESCAPE context="HTML"}}
{{! One proposal (issue 6): its text, its signature (R12), what the reader can do now, the history. }}
<p><a href="/projekt?id={{ID}}">Tilbage til projektindstillingerne</a></p>
<h1>{{TITLE}}</h1>
<p class="font-lead">Projektindstilling (sag {{SAG}}) under uddannelsesautorisation {{NUMBER}}, {{INSTITUTION}}.</p>
{{#NOTICE}}<div class="alert alert-{{KIND}}" role="{{ROLE}}" id="besked"><svg class="icon-svg alert-icon" aria-label="{{LABEL}}" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#{{ICON}}"></use></svg><div class="alert-body"><p class="alert-text">{{TEXT}}</p>{{#ITEMS}}<ul class="alert-text" id="mangler">{{#ITEM}}<li>{{TEXT}}</li>{{/ITEM}}</ul>{{/ITEMS}}</div></div>{{/NOTICE}}
{{>ERROR_SUMMARY}}
<p>Status: <strong id="status" data-state="{{STATE}}">{{STATE_LABEL}}</strong></p>
{{#PROJECT}}<p>Projektnummer hos Forskningsservice: <strong id="projektnummer">{{PROJECT_NUMBER}}</strong></p>{{/PROJECT}}
{{#FEE}}<p>{{WHAT}}: gebyr {{AMOUNT}}{{#DEMO}} (demoværdi){{/DEMO}} efter taksten den {{DATE}}.</p>{{/FEE}}

<h2>Underskrift</h2>
<div id="underskrift">
{{#SIGNATURE}}<p>Underskrevet som lovlig efter databeskyttelsesforordningen af <strong>{{NAME}}</strong> den {{AT}}. Kontrolsum for teksten: <code>{{HASH}}</code>.</p>{{/SIGNATURE}}
{{#UNSIGNED}}<p>Ikke underskrevet. En underskriver på autorisationen skal bekræfte, at projektet er lovligt, før indstillingen kan sendes.</p>{{/UNSIGNED}}
{{#VOIDED}}<p class="voided">Underskrift af {{NAME}} den {{AT}} er bortfaldet{{#VOIDED_AT}} den {{VOIDED_AT}}{{/VOIDED_AT}}, fordi teksten blev ændret bagefter.</p>{{/VOIDED}}
</div>

{{#SUPERVISOR}}<h2>Det kan du gøre nu</h2>
<p><a class="button button-secondary" href="/projekt/rediger?id={{ID}}&amp;sag={{SAG}}">Ret projektindstillingen</a></p>
{{#ASK_SIGNATURE}}<form method="post" action="/projekt/anmod">
  <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="id" value="{{ID}}"><input type="hidden" name="sag" value="{{SAG}}">
  <p>Når teksten er færdig, beder du underskriverne om at underskrive. De får en e-mail.</p>
  <button type="submit" class="button button-primary">Bed om underskrift</button>
</form>{{/ASK_SIGNATURE}}
{{#CAN_SUBMIT}}<form method="post" action="/projekt/indsend">
  <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="id" value="{{ID}}"><input type="hidden" name="sag" value="{{SAG}}"><input type="hidden" name="version" value="{{VERSION}}">
  <p>Indstillingen er underskrevet og kan sendes til Forskningsservice.</p>
  {{#FEE}}<p id="gebyr">Det koster <strong>{{AMOUNT}}</strong> at sende den i dag. Beløbet er Forskningsservices gebyr for en projektindstilling, som det gælder i dag. Du får en kvittering på e-mail med gebyret.</p>{{/FEE}}
  {{#NO_FEE}}<p id="gebyr">Der er ikke fastsat et gebyr for en projektindstilling i dag, så den koster ikke noget at sende nu. Du får en kvittering på e-mail.</p>{{/NO_FEE}}
  {{#FEE_UNKNOWN}}<p id="gebyr">Vi kan ikke vise gebyret lige nu. Det er det gebyr, der gælder den dag, du sender, og det står i kvitteringen.</p>{{/FEE_UNKNOWN}}
  <button type="submit" class="button button-primary">Send til Forskningsservice</button>
</form>{{/CAN_SUBMIT}}
{{/SUPERVISOR}}

{{#SIGN}}<h2>Underskriv</h2>
<p>Læs teksten herunder. Det er præcis den tekst, du underskriver. Hvis den bliver ændret bagefter, bortfalder underskriften.</p>
<pre class="proposal-text" id="tekst" tabindex="0">{{TEXT:pre_escape}}</pre>
<p>Kontrolsum for teksten: <code>{{HASH_SHORT}}</code></p>
<form method="post" action="/projekt/underskriv" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="id" value="{{ID}}"><input type="hidden" name="sag" value="{{SAG}}"><input type="hidden" name="version" value="{{VERSION}}"><input type="hidden" name="hash" value="{{HASH}}">
  <div class="form-group{{#ERROR_bekraeft}} form-error{{/ERROR_bekraeft}}">
    {{#ERROR_bekraeft}}<span class="form-error-message" id="bekraeft-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_bekraeft}}
    <div class="form-group-checkbox">
      <input class="form-checkbox" type="checkbox" id="bekraeft" name="bekraeft" value="ja"{{#ERROR_bekraeft}} aria-invalid="true" aria-describedby="bekraeft-error"{{/ERROR_bekraeft}}>
      <label class="form-label" for="bekraeft">Jeg bekræfter på institutionens vegne, at projektet er lovligt efter databeskyttelsesforordningen</label>
    </div>
  </div>
  <button type="submit" class="button button-primary">Underskriv</button>
</form>{{/SIGN}}

<h2>Indstillingen</h2>
<dl class="proposal-fields">
{{#FIELD}}<dt>{{LABEL}}</dt><dd class="pre-line">{{VALUE:pre_escape}}</dd>
{{/FIELD}}</dl>
<p>Analyseplatform: {{PLATFORM}}</p>

{{#CAN_WITHDRAW}}<h2>Træk tilbage</h2>
<form method="post" action="/projekt/traek-tilbage">
  <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="id" value="{{ID}}"><input type="hidden" name="sag" value="{{SAG}}"><input type="hidden" name="version" value="{{VERSION}}">
  <div class="form-group">
    <label class="form-label" for="begrundelse">Begrundelse (frivillig)</label>
    <input class="form-input" type="text" id="begrundelse" name="begrundelse" maxlength="1000">
  </div>
  <p>En tilbagetrukket indstilling tæller ikke med i de fem. Den kan ikke åbnes igen.</p>
  <button type="submit" class="button button-secondary">Træk indstillingen tilbage</button>
</form>{{/CAN_WITHDRAW}}

<h2>Historik</h2>
<table class="table table-md-responsive-headers" id="historik">
  <caption class="sr-only">Hvad der er sket med indstillingen</caption>
  <thead><tr><th scope="col">Tidspunkt</th><th scope="col">Status</th><th scope="col">Af</th><th scope="col">Begrundelse</th></tr></thead>
  <tbody>
  {{#EVENT}}<tr><td data-title="Tidspunkt">{{AT}}</td><td data-title="Status">{{STATE_LABEL}}</td><td data-title="Af">{{BY}}</td><td data-title="Begrundelse" class="pre-line">{{REASON:pre_escape}}</td></tr>
  {{/EVENT}}</tbody>
</table>
