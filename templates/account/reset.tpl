{{%AUTOESCAPE context="HTML"}}
<h1>Vælg en ny adgangskode</h1>
{{>ERROR_SUMMARY}}
<form method="post" action="/konto/nulstil" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="token" value="{{TOKEN}}">
  <div class="form-group{{#ERROR_adgangskode}} form-error{{/ERROR_adgangskode}}">
    <label class="form-label" for="adgangskode">Ny adgangskode</label>
    <span class="form-hint" id="adgangskode-hint">Mindst 8 tegn. Brug gerne tre-fire tilfældige ord.</span>
    {{#ERROR_adgangskode}}<span class="form-error-message" id="adgangskode-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_adgangskode}}
    <input class="form-input" type="password" id="adgangskode" name="adgangskode" autocomplete="new-password" aria-describedby="adgangskode-hint{{#ERROR_adgangskode}} adgangskode-error{{/ERROR_adgangskode}}"{{#ERROR_adgangskode}} aria-invalid="true"{{/ERROR_adgangskode}}>
  </div>
  <div class="form-group{{#ERROR_adgangskode2}} form-error{{/ERROR_adgangskode2}}">
    <label class="form-label" for="adgangskode2">Gentag adgangskoden</label>
    {{#ERROR_adgangskode2}}<span class="form-error-message" id="adgangskode2-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_adgangskode2}}
    <input class="form-input" type="password" id="adgangskode2" name="adgangskode2" autocomplete="new-password"{{#ERROR_adgangskode2}} aria-invalid="true" aria-describedby="adgangskode2-error"{{/ERROR_adgangskode2}}>
  </div>
  <button type="submit" class="button button-primary">Gem ny adgangskode</button>
</form>
