{{%AUTOESCAPE context="HTML"}}
{{! The supervisor's form for a thesis student (issue 13; R6, R13, R20, R28). Only the name is needed to save a draft; everything is needed for Annex 1 and to send the case on. }}
<p><a href="/studerende?id={{ID}}">Tilbage til de specialestuderende</a></p>
{{#NEW_HEADING}}<h1>Tilknyt en specialestuderende</h1>{{/NEW_HEADING}}{{#EDIT_HEADING}}<h1>Ret oplysningerne om den studerende</h1>{{/EDIT_HEADING}}
<p class="font-lead">{{INSTITUTION}}, uddannelsesautorisation {{NUMBER}}.</p>
<p>Udfyld oplysningerne om den studerende og specialet. Du kan gemme undervejs; kun navnet skal være udfyldt for at gemme. Når alt er udfyldt, kan du hente bilag 1 om specialets forskningshøjde som PDF, underskrive det og uploade det.</p>
{{#STALE}}<div class="alert alert-warning" role="alert"><svg class="icon-svg alert-icon" aria-label="Bemærk" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#warning"></use></svg><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/STALE}}
{{>ERROR_SUMMARY}}
<form method="post" action="/studerende/rediger" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  {{#EXISTING}}<input type="hidden" name="sag" value="{{SAG}}"><input type="hidden" name="version" value="{{VERSION}}">{{/EXISTING}}{{#NEW_KEY}}<input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">{{/NEW_KEY}}
  <fieldset>
    <legend class="h3">Den studerende</legend>
  <div class="form-group{{#ERROR_navn}} form-error{{/ERROR_navn}}">
    <label class="form-label" for="navn">Den studerendes navn</label>
    {{#ERROR_navn}}<span class="form-error-message" id="navn-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_navn}}
    <input class="form-input" type="text" id="navn" name="navn" value="{{VALUE_navn}}"{{#ERROR_navn}} aria-describedby="navn-error"{{/ERROR_navn}}{{#ERROR_navn}} aria-invalid="true"{{/ERROR_navn}}>
  </div>
  <div class="form-group{{#ERROR_email}} form-error{{/ERROR_email}}">
    <label class="form-label" for="email">Den studerendes e-mailadresse på institutionen</label>
    <span class="form-hint" id="email-hint">Adressen skal ligge på et af institutionens domæner. Den studerende inviteres på den.</span>
    {{#ERROR_email}}<span class="form-error-message" id="email-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_email}}
    <input class="form-input" type="email" id="email" name="email" value="{{VALUE_email}}" aria-describedby="email-hint{{#ERROR_email}} email-error{{/ERROR_email}}"{{#ERROR_email}} aria-invalid="true"{{/ERROR_email}}>
  </div>
  <div class="form-group{{#ERROR_fse_bruger_id}} form-error{{/ERROR_fse_bruger_id}}">
    <label class="form-label" for="fse_bruger_id">FSE-bruger-id (hvis den studerende har et)</label>
    <span class="form-hint" id="fse_bruger_id-hint">Lad feltet stå tomt, hvis den studerende ikke har et. Så beder vi Forskningsservice om at oprette den studerende som bruger.</span>
    {{#ERROR_fse_bruger_id}}<span class="form-error-message" id="fse_bruger_id-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_fse_bruger_id}}
    <input class="form-input" type="text" id="fse_bruger_id" name="fse_bruger_id" value="{{VALUE_fse_bruger_id}}" aria-describedby="fse_bruger_id-hint{{#ERROR_fse_bruger_id}} fse_bruger_id-error{{/ERROR_fse_bruger_id}}"{{#ERROR_fse_bruger_id}} aria-invalid="true"{{/ERROR_fse_bruger_id}}>
  </div>
  </fieldset>
  <fieldset>
    <legend class="h3">Specialet</legend>
  <div class="form-group{{#ERROR_speciale_titel}} form-error{{/ERROR_speciale_titel}}">
    <label class="form-label" for="speciale_titel">Specialets titel</label>
    {{#ERROR_speciale_titel}}<span class="form-error-message" id="speciale_titel-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_speciale_titel}}
    <input class="form-input" type="text" id="speciale_titel" name="speciale_titel" value="{{VALUE_speciale_titel}}"{{#ERROR_speciale_titel}} aria-describedby="speciale_titel-error"{{/ERROR_speciale_titel}}{{#ERROR_speciale_titel}} aria-invalid="true"{{/ERROR_speciale_titel}}>
  </div>
  <div class="form-group{{#ERROR_forfattere}} form-error{{/ERROR_forfattere}}">
    <label class="form-label" for="forfattere">Specialets forfatter(e)</label>
    <span class="form-hint" id="forfattere-hint">Skriv alle forfattere, adskilt med komma.</span>
    {{#ERROR_forfattere}}<span class="form-error-message" id="forfattere-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_forfattere}}
    <input class="form-input" type="text" id="forfattere" name="forfattere" value="{{VALUE_forfattere}}" aria-describedby="forfattere-hint{{#ERROR_forfattere}} forfattere-error{{/ERROR_forfattere}}"{{#ERROR_forfattere}} aria-invalid="true"{{/ERROR_forfattere}}>
  </div>
  <div class="form-group{{#ERROR_begrundelse}} form-error{{/ERROR_begrundelse}}">
    <label class="form-label" for="begrundelse">Kort begrundelse for forskningshøjden (1-3 linjer)</label>
    <span class="form-hint" id="begrundelse-hint">Hvorfor har specialet forskningshøjde? Højst 3 linjer. Teksten står i bilag 1.</span>
    {{#ERROR_begrundelse}}<span class="form-error-message" id="begrundelse-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_begrundelse}}
    <textarea class="form-input" id="begrundelse" name="begrundelse" rows="3" aria-describedby="begrundelse-hint{{#ERROR_begrundelse}} begrundelse-error{{/ERROR_begrundelse}}"{{#ERROR_begrundelse}} aria-invalid="true"{{/ERROR_begrundelse}}>{{VALUE_begrundelse:pre_escape}}</textarea>
  </div>
  <div class="form-group{{#ERROR_projekt}} form-error{{/ERROR_projekt}}">
    <label class="form-label" for="projekt">Det brede projekt, den studerende skal tilknyttes</label>
    <span class="form-hint" id="projekt-hint">Kun autorisationens godkendte projekter kan vælges.</span>
    {{#ERROR_projekt}}<span class="form-error-message" id="projekt-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_projekt}}
    <select class="form-select" id="projekt" name="projekt" aria-describedby="projekt-hint{{#ERROR_projekt}} projekt-error{{/ERROR_projekt}}"{{#ERROR_projekt}} aria-invalid="true"{{/ERROR_projekt}}>
      <option value="">Vælg et projekt</option>
      {{#PROJECT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NUMBER}} {{TITLE}}</option>
      {{/PROJECT}}</select>
  </div>
  <div class="form-group{{#ERROR_periode_fra}} form-error{{/ERROR_periode_fra}}">
    <label class="form-label" for="periode_fra">Specialet begynder</label>
    <span class="form-hint" id="periode_fra-hint">Fx 2027-02-01</span>
    {{#ERROR_periode_fra}}<span class="form-error-message" id="periode_fra-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_periode_fra}}
    <input class="form-input" type="date" id="periode_fra" name="periode_fra" value="{{VALUE_periode_fra}}" aria-describedby="periode_fra-hint{{#ERROR_periode_fra}} periode_fra-error{{/ERROR_periode_fra}}"{{#ERROR_periode_fra}} aria-invalid="true"{{/ERROR_periode_fra}}>
  </div>
  <div class="form-group{{#ERROR_periode_til}} form-error{{/ERROR_periode_til}}">
    <label class="form-label" for="periode_til">Forventet aflevering</label>
    <span class="form-hint" id="periode_til-hint">Fx 2027-06-30</span>
    {{#ERROR_periode_til}}<span class="form-error-message" id="periode_til-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_periode_til}}
    <input class="form-input" type="date" id="periode_til" name="periode_til" value="{{VALUE_periode_til}}" aria-describedby="periode_til-hint{{#ERROR_periode_til}} periode_til-error{{/ERROR_periode_til}}"{{#ERROR_periode_til}} aria-invalid="true"{{/ERROR_periode_til}}>
  </div>
  </fieldset>
  <button type="submit" class="button button-primary">Gem</button>
</form>
