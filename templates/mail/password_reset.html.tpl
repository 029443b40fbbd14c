{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Vi har fået en anmodning om at nulstille adgangskoden til din konto på Specialeportalen.</p>
<p><a href="{{LINK}}">Vælg en ny adgangskode</a></p>
<p>Linket virker i {{RESET_MINUTES}} minutter og kun én gang. Har du ikke bedt om det, kan du se
bort fra denne e-mail: din adgangskode er ikke ændret.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
