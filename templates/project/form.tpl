{{%AUTOESCAPE context="HTML"}}
{{! A broad project proposal's form (issue 6; R18, R19). Only the title is needed to save a draft;
    everything is checked when the proposal is sent. }}
<p><a href="/projekt?id={{ID}}">Tilbage til projektindstillingerne</a></p>
{{#NEW_HEADING}}<h1>Ny projektindstilling</h1>{{/NEW_HEADING}}{{#EDIT_HEADING}}<h1>Ret projektindstilling</h1>{{/EDIT_HEADING}}
<p class="font-lead">{{INSTITUTION}}, uddannelsesautorisation {{NUMBER}}.</p>
<p>Et bredt projekt dækker et vigtigt emne i kandidatuddannelsen, så flere studerende kan skrive speciale i det. Autorisationen kan højst have fem. Forskningsservice godkender kun et projekt, når det er begrundet, at data er nødvendige for formålet, og at projektet er samfundsmæssigt relevant. Du kan gemme undervejs. En underskriver skal underskrive indstillingen, før du kan sende den, og ændrer du teksten bagefter, skal den underskrives igen.</p>
{{#STALE}}<div class="alert alert-warning" role="alert"><svg class="icon-svg alert-icon" aria-label="Bemærk" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#warning"></use></svg><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/STALE}}
{{>ERROR_SUMMARY}}
<form method="post" action="/projekt/rediger" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  {{#EXISTING}}<input type="hidden" name="sag" value="{{SAG}}"><input type="hidden" name="version" value="{{VERSION}}">{{/EXISTING}}{{#NEW_KEY}}<input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">{{/NEW_KEY}}
  <div class="form-group{{#ERROR_titel}} form-error{{/ERROR_titel}}">
    <label class="form-label" for="titel">Titel</label>
    {{#ERROR_titel}}<span class="form-error-message" id="titel-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_titel}}
    <input class="form-input" type="text" id="titel" name="titel" value="{{VALUE_titel}}"{{#ERROR_titel}} aria-describedby="titel-error"{{/ERROR_titel}}{{#ERROR_titel}} aria-invalid="true"{{/ERROR_titel}}>
  </div>
  <div class="form-group{{#ERROR_emne}} form-error{{/ERROR_emne}}">
    <label class="form-label" for="emne">Emne i kandidatuddannelsen</label>
    <span class="form-hint" id="emne-hint">Hvilket vigtigt emne i uddannelsen dækker projektet?</span>
    {{#ERROR_emne}}<span class="form-error-message" id="emne-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_emne}}
    <input class="form-input" type="text" id="emne" name="emne" value="{{VALUE_emne}}" aria-describedby="emne-hint{{#ERROR_emne}} emne-error{{/ERROR_emne}}"{{#ERROR_emne}} aria-invalid="true"{{/ERROR_emne}}>
  </div>
  <div class="form-group{{#ERROR_formaal}} form-error{{/ERROR_formaal}}">
    <label class="form-label" for="formaal">Formål</label>
    {{#ERROR_formaal}}<span class="form-error-message" id="formaal-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_formaal}}
    <textarea class="form-input" id="formaal" name="formaal" rows="5"{{#ERROR_formaal}} aria-describedby="formaal-error"{{/ERROR_formaal}}{{#ERROR_formaal}} aria-invalid="true"{{/ERROR_formaal}}>{{VALUE_formaal:pre_escape}}</textarea>
  </div>
  <fieldset>
    <legend class="h3">Registre og data</legend>
    <p class="form-hint">Skriv hvert register eller datasæt, projektet skal bruge, og hvorfor det er nødvendigt for formålet. Tomme rækker gemmes ikke.</p>
    {{#REGISTER}}<div class="register-row">
    <div class="form-group{{#NAME_ERROR}} form-error{{/NAME_ERROR}}">
      <label class="form-label" for="register_navn_{{N}}">Register {{N}}: navn</label>
      {{#NAME_ERROR}}<span class="form-error-message" id="register_navn_{{N}}-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/NAME_ERROR}}
      <input class="form-input" type="text" id="register_navn_{{N}}" name="register_navn_{{N}}" value="{{NAME}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="register_navn_{{N}}-error"{{/NAME_ERROR}}>
    </div>
    <div class="form-group{{#REASON_ERROR}} form-error{{/REASON_ERROR}}">
      <label class="form-label" for="register_begrundelse_{{N}}">Register {{N}}: hvorfor nødvendigt for formålet</label>
      {{#REASON_ERROR}}<span class="form-error-message" id="register_begrundelse_{{N}}-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/REASON_ERROR}}
      <textarea class="form-input" id="register_begrundelse_{{N}}" name="register_begrundelse_{{N}}" rows="2"{{#REASON_ERROR}} aria-invalid="true" aria-describedby="register_begrundelse_{{N}}-error"{{/REASON_ERROR}}>{{REASON:pre_escape}}</textarea>
    </div>
    </div>
    {{/REGISTER}}
  </fieldset>
  <div class="form-group{{#ERROR_samfundsrelevans}} form-error{{/ERROR_samfundsrelevans}}">
    <label class="form-label" for="samfundsrelevans">Samfundsmæssig relevans</label>
    <span class="form-hint" id="samfundsrelevans-hint">Hvorfor er projektet vigtigt for samfundet?</span>
    {{#ERROR_samfundsrelevans}}<span class="form-error-message" id="samfundsrelevans-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_samfundsrelevans}}
    <textarea class="form-input" id="samfundsrelevans" name="samfundsrelevans" rows="5" aria-describedby="samfundsrelevans-hint{{#ERROR_samfundsrelevans}} samfundsrelevans-error{{/ERROR_samfundsrelevans}}"{{#ERROR_samfundsrelevans}} aria-invalid="true"{{/ERROR_samfundsrelevans}}>{{VALUE_samfundsrelevans:pre_escape}}</textarea>
  </div>
  <div class="form-group{{#ERROR_antal_studerende}} form-error{{/ERROR_antal_studerende}}">
    <label class="form-label" for="antal_studerende">Forventet antal studerende</label>
    {{#ERROR_antal_studerende}}<span class="form-error-message" id="antal_studerende-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_antal_studerende}}
    <input class="form-input input-width-xs" type="text" id="antal_studerende" name="antal_studerende" value="{{VALUE_antal_studerende}}"{{#ERROR_antal_studerende}} aria-describedby="antal_studerende-error"{{/ERROR_antal_studerende}}{{#ERROR_antal_studerende}} aria-invalid="true"{{/ERROR_antal_studerende}} inputmode="numeric">
  </div>
  <div class="form-group{{#ERROR_periode_fra}} form-error{{/ERROR_periode_fra}}">
    <label class="form-label" for="periode_fra">Periode fra</label>
    <span class="form-hint" id="periode_fra-hint">Fx 2027-02-01</span>
    {{#ERROR_periode_fra}}<span class="form-error-message" id="periode_fra-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_periode_fra}}
    <input class="form-input" type="date" id="periode_fra" name="periode_fra" value="{{VALUE_periode_fra}}" aria-describedby="periode_fra-hint{{#ERROR_periode_fra}} periode_fra-error{{/ERROR_periode_fra}}"{{#ERROR_periode_fra}} aria-invalid="true"{{/ERROR_periode_fra}}>
  </div>
  <div class="form-group{{#ERROR_periode_til}} form-error{{/ERROR_periode_til}}">
    <label class="form-label" for="periode_til">Periode til</label>
    <span class="form-hint" id="periode_til-hint">Fx 2028-01-31</span>
    {{#ERROR_periode_til}}<span class="form-error-message" id="periode_til-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_periode_til}}
    <input class="form-input" type="date" id="periode_til" name="periode_til" value="{{VALUE_periode_til}}" aria-describedby="periode_til-hint{{#ERROR_periode_til}} periode_til-error{{/ERROR_periode_til}}"{{#ERROR_periode_til}} aria-invalid="true"{{/ERROR_periode_til}}>
  </div>
  <button type="submit" class="button button-primary">Gem</button>
</form>
