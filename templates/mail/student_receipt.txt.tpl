{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Du har sendt specialestuderende {{STUDENT:none}} til administratorerne af
uddannelsesautorisation {{NUMBER:none}} ({{INSTITUTION:none}}). Den studerende skal arbejde i det
brede projekt {{PROJECT_NUMBER:none}} {{PROJECT_TITLE:none}}.
{{#NO_ADMIN}}
Autorisationen har ingen administrator lige nu. Bed den autorisationsansvarlige om at invitere en.
{{/NO_ADMIN}}
Hvad sker der nu?
En administrator sender den studerende videre til Forskningsservice, som godkender den studerende
som bruger. Derefter får den studerende adgang til projektet og en invitation på e-mail. Du kan
altid se, hvor sagen er:

{{LINK:none}}

Venlig hilsen
Specialeportalen, Danmarks Statistik
