{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Du har oprettet en konto på Specialeportalen hos Danmarks Statistik. Bekræft din
e-mailadresse ved at åbne linket og trykke på knappen:</p>
<p><a href="{{LINK}}">Bekræft din e-mailadresse</a></p>
<p>Linket virker i {{VERIFY_HOURS}} timer. Har du ikke oprettet en konto, kan du se bort fra
denne e-mail: der sker ikke mere.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
