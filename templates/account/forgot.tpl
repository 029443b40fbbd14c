{{%AUTOESCAPE context="HTML"}}
<h1>Glemt adgangskode</h1>
{{>CAP_REFUSED}}
<p class="font-lead">Skriv din e-mailadresse, så sender vi et link, du kan vælge en ny adgangskode med.</p>
<form method="post" action="/konto/glemt" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="form-group">
    <label class="form-label" for="email">E-mailadresse</label>
    <input class="form-input" type="email" id="email" name="email" value="{{VALUE_email}}" autocomplete="username">
  </div>
  <button type="submit" class="button button-primary">Send link</button>
</form>
