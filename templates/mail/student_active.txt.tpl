{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Din adgang til data i Specialeordningen er aktiv. Alt, hvad adgangen ventede på, er på plads.

Projekt: {{PROJECT:none}}
Institution: {{INSTITUTION:none}} (uddannelsesautorisation {{NUMBER:none}})
Vejleder: {{SUPERVISOR:none}}
Adgangen slutter: {{ENDS:none}}

Hvad skal du gøre?
Log på Danmarks Statistiks platform med dit FSE-bruger-id, {{FSE_ID:none}}, og en engangskode.
Resultater, du vil tage med hjem, beder du din vejleder om at hjemtage; det gør du på
Specialeportalen. Du får en påmindelse 30 og 7 dage før, adgangen slutter.

{{LINK:none}}

Venlig hilsen
Specialeportalen, Danmarks Statistik
