{{%AUTOESCAPE context="HTML"}}
<h1>Tjek din e-mail</h1>
<p class="font-lead">Hvis adressen hører til en konto, har vi sendt et link til den. Linket virker i
{{RESET_MINUTES}} minutter og kun én gang.</p>
<p>Har du slået to-trins-login til, skal du stadig bruge koden fra appen, når du logger ind.</p>
