{{%AUTOESCAPE context="HTML"}}
{{! Withdrawing one's own application (issue 5): what it means, then a confirmation with an
    optional reason. The form carries the version shown, so a decision made meanwhile wins. }}
<h1>Træk ansøgningen tilbage</h1>
<p class="font-lead">Sag {{ID}}: {{TITLE}}. Status nu: {{STATE}}.</p>
<p>Når du trækker ansøgningen tilbage, kan den ikke åbnes igen. {{#SUBMITTED}}Forskningsservice får besked, så de holder op med at behandle den. {{/SUBMITTED}}Du kan altid starte en ny ansøgning under Mine sager.</p>
{{>ERROR_SUMMARY}}
<form method="post" action="/ansoegning/traek-tilbage" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  <div class="form-group{{#ERROR_begrundelse}} form-error{{/ERROR_begrundelse}}">
    <label class="form-label" for="begrundelse">Hvorfor? (frivilligt)</label>
    {{#ERROR_begrundelse}}<span class="form-error-message" id="begrundelse-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_begrundelse}}
    <textarea class="form-input" id="begrundelse" name="begrundelse" rows="3"{{#ERROR_begrundelse}} aria-invalid="true" aria-describedby="begrundelse-error"{{/ERROR_begrundelse}}>{{VALUE_begrundelse:pre_escape}}</textarea>
  </div>
  <button type="submit" class="button button-primary">Træk ansøgningen tilbage</button>
  <a class="button button-secondary" href="/ansoegning">Fortryd</a>
</form>
