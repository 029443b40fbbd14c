{{%AUTOESCAPE context="HTML"}}
{{! A button, not an automatic action: mail scanners open links without a person. }}
<h1>Bekræft din e-mailadresse</h1>
<p class="font-lead">Tryk på knappen for at bekræfte, at e-mailadressen er din.</p>
<form method="post" action="/konto/bekraeft">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="token" value="{{TOKEN}}">
  <button type="submit" class="button button-primary">Bekræft e-mailadressen</button>
</form>
