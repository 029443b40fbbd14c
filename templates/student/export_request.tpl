{{%AUTOESCAPE context="HTML"}}
{{! One request to take results home (issue 14; R13, R22), for the student's own supervisor: the files to download, FSE's checklist (a checkbox per item, all ticked to approve), approve with a note or refuse with a reason; once decided, the decision and what was released. }}
<p><a href="/studerende/hjemtagelse/anmodninger?id={{ID}}&amp;sag={{SAG}}">Tilbage til den studerendes anmodninger</a></p>
<h1>Anmodning om hjemtagelse</h1>
<p class="font-lead">{{STUDENT}} bad {{REQUESTED_AT}} om at få resultater med hjem. Uddannelsesautorisation {{NUMBER}}, {{INSTITUTION}}.</p>
{{#NOTICE}}<div class="alert alert-{{KIND}}" role="{{ROLE}}" id="besked"><svg class="icon-svg alert-icon" aria-label="{{LABEL}}" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#{{ICON}}"></use></svg><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/NOTICE}}
{{>ERROR_SUMMARY}}
<dl>
  <dt>Status</dt><dd id="status">{{STATE_LABEL}}</dd>
  <dt>Den studerendes bekræftelse</dt><dd>Filerne indeholder kun aggregerede resultater.</dd>
</dl>

<h2 id="filer">Filerne</h2>
<ul id="filliste">
{{#FILE}}<li><a href="/studerende/hjemtagelse/hent?id={{ID}}&amp;anmodning={{REQUEST_ID}}&amp;fil={{FILE_ID}}">{{NAME}}</a> ({{SIZE}}, kontrolsum SHA-256 <code>{{SHA256}}</code>)<br>Indhold ifølge den studerende: <span class="pre-line">{{CONTENTS:pre_escape}}</span></li>
{{/FILE}}</ul>

{{#NO_RULES}}<h2 id="tjek">Tjek filerne</h2>
<p id="ingen-tjekliste">Forskningsservice har endnu ikke offentliggjort tjeklisten for hjemtagelse, så filerne kan ikke godkendes endnu. Du kan afvise anmodningen, hvis filerne ikke kan hjemtages.</p>{{/NO_RULES}}
{{#APPROVE}}<h2 id="tjek">Tjek filerne, og godkend dem</h2>
<p>Hent hver fil, og tjek den efter Forskningsservices tjekliste (udgave {{RULES_VERSION}} fra {{RULES_AT}}). Sæt flueben ved hvert punkt, når filerne overholder det. Godkender du, får den studerende en e-mail og kan hente filerne; navn, størrelse og kontrolsum for hver fil bliver gemt i loggen.</p>
<form method="post" action="/studerende/hjemtagelse/godkend" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="anmodning" value="{{REQUEST_ID}}">
  <input type="hidden" name="regler" value="{{RULES_VERSION}}">
  <div class="form-group{{#TICK_ERROR}} form-error{{/TICK_ERROR}}">
    <fieldset{{#TICK_ERROR}} aria-describedby="tjekliste-error"{{/TICK_ERROR}}>
      <legend class="form-label" id="tjekliste">Tjeklisten</legend>
      {{#TICK_ERROR}}<span class="form-error-message" id="tjekliste-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/TICK_ERROR}}
      <ul class="nobullet-list">
      {{#ITEM}}<li><div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="punkt_{{N}}" name="punkt_{{N}}" value="ja"{{#CHECKED}} checked{{/CHECKED}}><label class="form-label" for="punkt_{{N}}">{{TEXT}}</label></div></li>
      {{/ITEM}}</ul>
    </fieldset>
  </div>
  <div class="form-group{{#NOTE_ERROR}} form-error{{/NOTE_ERROR}}">
    <label class="form-label" for="note">Note til den studerende</label>
    <span class="form-hint" id="note-hint">Noten står i e-mailen til den studerende og i loggen.</span>
    {{#NOTE_ERROR}}<span class="form-error-message" id="note-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/NOTE_ERROR}}
    <textarea class="form-input" id="note" name="note" rows="3" aria-describedby="note-hint{{#NOTE_ERROR}} note-error{{/NOTE_ERROR}}"{{#NOTE_ERROR}} aria-invalid="true"{{/NOTE_ERROR}}>{{NOTE:pre_escape}}</textarea>
  </div>
  <button type="submit" class="button button-primary">Godkend hjemtagelsen</button>
</form>{{/APPROVE}}
{{#REFUSE}}<h2 id="afvis">Afvis anmodningen</h2>
<p>Overholder filerne ikke tjeklisten, så afvis anmodningen, og skriv hvorfor. Den studerende får begrundelsen på e-mail og kan rette filerne og sende en ny anmodning.</p>
<form method="post" action="/studerende/hjemtagelse/afvis" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="anmodning" value="{{REQUEST_ID}}">
  <div class="form-group{{#REASON_ERROR}} form-error{{/REASON_ERROR}}">
    <label class="form-label" for="begrundelse">Hvorfor kan filerne ikke hjemtages?</label>
    {{#REASON_ERROR}}<span class="form-error-message" id="begrundelse-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/REASON_ERROR}}
    <textarea class="form-input" id="begrundelse" name="begrundelse" rows="3"{{#REASON_ERROR}} aria-describedby="begrundelse-error" aria-invalid="true"{{/REASON_ERROR}}>{{REASON:pre_escape}}</textarea>
  </div>
  <button type="submit" class="button button-secondary">Afvis anmodningen</button>
</form>{{/REFUSE}}

{{#APPROVED}}<h2 id="afgoerelse">Godkendt</h2>
<p id="afgjort">Godkendt {{AT}} af {{BY}} efter Forskningsservices tjekliste, udgave {{RULES_VERSION}}.{{#NOTE}} Note: <span class="pre-line">{{TEXT:pre_escape}}</span>{{/NOTE}}</p>
<p>Tjekket efter disse punkter:</p>
<ul>
{{#ITEM}}<li>{{TEXT}}</li>
{{/ITEM}}</ul>
<h3>Hjemtagne filer</h3>
<ul id="hjemtaget">
{{#RELEASED}}<li>{{NAME}} ({{SIZE_BYTES}} bytes, SHA-256 <code>{{SHA256}}</code>)</li>
{{/RELEASED}}</ul>{{/APPROVED}}
{{#REFUSED}}<h2 id="afgoerelse">Afvist</h2>
<p id="afgjort">Afvist {{AT}} af {{BY}}.{{#NOTE}} Begrundelsen er: <span class="pre-line">{{TEXT:pre_escape}}</span>{{/NOTE}}</p>{{/REFUSED}}
