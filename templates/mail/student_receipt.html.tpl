{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Du har sendt specialestuderende {{STUDENT}} til administratorerne af uddannelsesautorisation
{{NUMBER}} ({{INSTITUTION}}). Den studerende skal arbejde i det brede projekt {{PROJECT_NUMBER}}
{{PROJECT_TITLE}}.</p>
{{#NO_ADMIN}}<p>Autorisationen har ingen administrator lige nu. Bed den autorisationsansvarlige om at
invitere en.</p>{{/NO_ADMIN}}
<h2>Hvad sker der nu?</h2>
<p>En administrator sender den studerende videre til Forskningsservice, som godkender den studerende
som bruger. Derefter får den studerende adgang til projektet og en invitation på e-mail. Du kan
altid <a href="{{LINK}}">se, hvor sagen er</a>.</p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
