{{%AUTOESCAPE context="XML"}}
{{! text/plain: ctemplate has no plain-text context and the loader needs a pragma. Nothing here is ever read as markup, so every variable is :none (lib/mail.h; tests/unit/test_mail checks it). }}
Kære {{NAME:none}}

Dette er en prøvebesked fra Specialeportalen: {{MESSAGE:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
{{BASE_URL:none}}
