{{%AUTOESCAPE context="HTML"}}
<h1>Log ind</h1>
{{#NOTICE_VERIFIED}}<div class="alert alert-success" role="status"><svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg><div class="alert-body"><p class="alert-text">Din e-mailadresse er bekræftet. Nu kan du logge ind.</p></div></div>{{/NOTICE_VERIFIED}}
{{#NOTICE_RESET}}<div class="alert alert-success" role="status"><svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg><div class="alert-body"><p class="alert-text">Din adgangskode er skiftet, og du er logget ud alle steder. Log ind med den nye.</p></div></div>{{/NOTICE_RESET}}
{{#NOTICE_LOGGED_OUT}}<div class="alert alert-info" role="status"><svg class="icon-svg alert-icon" aria-label="Information" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#info"></use></svg><div class="alert-body"><p class="alert-text">Du er logget ud.</p></div></div>{{/NOTICE_LOGGED_OUT}}
{{#LOGIN_ERROR}}<div class="alert alert-error" role="alert" id="login-error"><svg class="icon-svg alert-icon" aria-label="Fejl" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#error"></use></svg><div class="alert-body"><p class="alert-text">{{MESSAGE}}</p></div></div>{{/LOGIN_ERROR}}
{{#RETURN_NOTE}}<p>Log ind for at komme videre til den side, du var på vej til.</p>{{/RETURN_NOTE}}
<form method="post" action="/konto/log-ind" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#RETURN}}<input type="hidden" name="tilbage" value="{{TILBAGE}}">{{/RETURN}}
  <div class="form-group">
    <label class="form-label" for="email">E-mailadresse</label>
    <input class="form-input" type="email" id="email" name="email" value="{{VALUE_email}}" autocomplete="username">
  </div>
  <div class="form-group">
    <label class="form-label" for="adgangskode">Adgangskode</label>
    <input class="form-input" type="password" id="adgangskode" name="adgangskode" autocomplete="current-password">
  </div>
  <button type="submit" class="button button-primary">Log ind</button>
</form>
<p class="mt-6"><a href="/konto/glemt">Har du glemt din adgangskode?</a></p>
<p>Har du ingen konto? <a href="/konto/opret">Opret en konto</a>.</p>
