{{%AUTOESCAPE context="HTML"}}
<h1>To-trins-login</h1>
{{#ENABLED}}<p class="font-lead">To-trins-login er slået til for din konto.</p>
<p>Har du fået ny telefon, så skriv til <a href="mailto:{{FSE_MAILBOX}}">{{FSE_MAILBOX}}</a>, så nulstiller vi det, og du kan sætte det op igen.</p>{{/ENABLED}}
{{#ENROL}}
<p class="font-lead">Med to-trins-login skal du både bruge din adgangskode og en kode fra en app på
din telefon. Det tager et par minutter at sætte op.</p>
<ol>
  <li>Installer en godkendelsesapp, fx Microsoft Authenticator, Google Authenticator eller FreeOTP.</li>
  <li>Scan QR-koden med appen. Kan du ikke scanne, så skriv nøglen nedenfor i appen.</li>
  <li>Skriv den sekscifrede kode, appen viser, og tryk på knappen.</li>
</ol>
<p><img src="/konto/totp/qr.svg" alt="QR-kode til godkendelsesappen" width="240" height="240"></p>
<p>Nøgle: <code id="totp-secret">{{SECRET}}</code></p>
<form method="post" action="/konto/totp" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">{{#RETURN}}<input type="hidden" name="tilbage" value="{{TILBAGE}}">{{/RETURN}}
  <div class="form-group{{#ERROR_kode}} form-error{{/ERROR_kode}}">
    <label class="form-label" for="kode">Kode fra appen</label>
    {{#ERROR_kode}}<span class="form-error-message" id="kode-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_kode}}
    <input class="form-input input-width-xs" type="text" id="kode" name="kode" inputmode="numeric" autocomplete="one-time-code" maxlength="6"{{#ERROR_kode}} aria-invalid="true" aria-describedby="kode-error"{{/ERROR_kode}}>
  </div>
  <button type="submit" class="button button-primary">Slå to-trins-login til</button>
</form>
{{/ENROL}}
