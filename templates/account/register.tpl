{{%AUTOESCAPE context="HTML"}}
{{! Self-registration for institution staff (R6: an address issued by the institution). }}
<h1>Opret en konto</h1>
<p class="font-lead">Med en konto kan du søge om en uddannelsesautorisation for din institution
og tage imod en rolle, du bliver inviteret til. Brug den e-mailadresse, du har fra din institution.</p>
{{>CAP_REFUSED}}
{{>ERROR_SUMMARY}}
<form method="post" action="/konto/opret" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="form-group{{#ERROR_navn}} form-error{{/ERROR_navn}}">
    <label class="form-label" for="navn">Dit fulde navn</label>
    {{#ERROR_navn}}<span class="form-error-message" id="navn-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_navn}}
    <input class="form-input" type="text" id="navn" name="navn" value="{{VALUE_navn}}" autocomplete="name"{{#ERROR_navn}} aria-invalid="true" aria-describedby="navn-error"{{/ERROR_navn}}>
  </div>
  <div class="form-group{{#ERROR_email}} form-error{{/ERROR_email}}">
    <label class="form-label" for="email">E-mailadresse fra din institution</label>
    <span class="form-hint" id="email-hint">Fx navn@econ.ku.dk. Vi sender et link, som du skal klikke på.</span>
    {{#ERROR_email}}<span class="form-error-message" id="email-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_email}}
    <input class="form-input" type="email" id="email" name="email" value="{{VALUE_email}}" autocomplete="email" aria-describedby="email-hint{{#ERROR_email}} email-error{{/ERROR_email}}"{{#ERROR_email}} aria-invalid="true"{{/ERROR_email}}>
  </div>
  <div class="form-group{{#ERROR_adgangskode}} form-error{{/ERROR_adgangskode}}">
    <label class="form-label" for="adgangskode">Adgangskode</label>
    <span class="form-hint" id="adgangskode-hint">Mindst 8 tegn. Brug gerne tre-fire tilfældige ord.</span>
    {{#ERROR_adgangskode}}<span class="form-error-message" id="adgangskode-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_adgangskode}}
    <input class="form-input" type="password" id="adgangskode" name="adgangskode" autocomplete="new-password" aria-describedby="adgangskode-hint{{#ERROR_adgangskode}} adgangskode-error{{/ERROR_adgangskode}}"{{#ERROR_adgangskode}} aria-invalid="true"{{/ERROR_adgangskode}}>
  </div>
  <div class="form-group{{#ERROR_adgangskode2}} form-error{{/ERROR_adgangskode2}}">
    <label class="form-label" for="adgangskode2">Gentag adgangskoden</label>
    {{#ERROR_adgangskode2}}<span class="form-error-message" id="adgangskode2-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_adgangskode2}}
    <input class="form-input" type="password" id="adgangskode2" name="adgangskode2" autocomplete="new-password"{{#ERROR_adgangskode2}} aria-invalid="true" aria-describedby="adgangskode2-error"{{/ERROR_adgangskode2}}>
  </div>
  <button type="submit" class="button button-primary">Opret konto</button>
</form>
<p class="mt-6">Har du allerede en konto? <a href="/konto/log-ind">Log ind</a>.</p>
