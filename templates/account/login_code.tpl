{{%AUTOESCAPE context="HTML"}}
<h1>Indtast din kode</h1>
<p class="font-lead">Åbn godkendelsesappen på din telefon, og skriv den sekscifrede kode, den viser
for Specialeportalen.</p>
<form method="post" action="/konto/log-ind/kode" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#RETURN}}<input type="hidden" name="tilbage" value="{{TILBAGE}}">{{/RETURN}}
  <div class="form-group{{#ERROR_kode}} form-error{{/ERROR_kode}}">
    <label class="form-label" for="kode">Kode</label>
    {{#ERROR_kode}}<span class="form-error-message" id="kode-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_kode}}
    <input class="form-input input-width-xs" type="text" id="kode" name="kode" inputmode="numeric" autocomplete="one-time-code" maxlength="6"{{#ERROR_kode}} aria-invalid="true" aria-describedby="kode-error"{{/ERROR_kode}}>
  </div>
  <button type="submit" class="button button-primary">Log ind</button>
</form>
<p class="mt-6">Har du mistet telefonen? Skriv til <a href="mailto:{{FSE_MAILBOX}}">{{FSE_MAILBOX}}</a>, så nulstiller vi dit to-trins-login.</p>
