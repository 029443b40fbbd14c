{{%AUTOESCAPE context="HTML"}}
<h1>Linket virker ikke</h1>
<p class="font-lead">Linket er allerede brugt, eller det er udløbet.</p>
{{#VERIFY}}<p>Log ind med din e-mailadresse og adgangskode. Er adressen ikke bekræftet endnu, sender vi et nyt link.</p>
<p><a class="button button-primary" href="/konto/log-ind">Log ind</a></p>{{/VERIFY}}
{{#RESET}}<p>Et link til at nulstille adgangskoden virker én gang og i en time. Bed om et nyt.</p>
<p><a class="button button-primary" href="/konto/glemt">Bed om et nyt link</a></p>{{/RESET}}
