{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Nogen har prøvet at oprette en konto på Specialeportalen med denne e-mailadresse, men du har
allerede en konto. Du kan logge ind her:

{{LOGIN:none}}

Har du glemt din adgangskode, kan du vælge en ny her: {{RESET:none}}

Var det ikke dig, kan du se bort fra denne e-mail. Der er ikke ændret noget på din konto.

Venlig hilsen
Danmarks Statistik, Forskningsservice
