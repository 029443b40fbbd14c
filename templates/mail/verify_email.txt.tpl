{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Du har oprettet en konto på Specialeportalen hos Danmarks Statistik. Bekræft din
e-mailadresse ved at åbne linket her og trykke på knappen:

{{LINK:none}}

Linket virker i {{VERIFY_HOURS:none}} timer. Har du ikke oprettet en konto, kan du se bort fra
denne e-mail: der sker ikke mere.

Venlig hilsen
Danmarks Statistik, Forskningsservice
