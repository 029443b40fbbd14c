{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Vi har fået en anmodning om at nulstille adgangskoden til din konto på Specialeportalen.
Vælg en ny adgangskode her:

{{LINK:none}}

Linket virker i {{RESET_MINUTES:none}} minutter og kun én gang. Har du ikke bedt om det, kan du se
bort fra denne e-mail: din adgangskode er ikke ændret.

Venlig hilsen
Danmarks Statistik, Forskningsservice
