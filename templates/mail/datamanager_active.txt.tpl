{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Din brugeradgang til data som datamanager er aktiv. Alt, hvad adgangen ventede på, er på plads.

Institution: {{INSTITUTION:none}} (uddannelsesautorisation {{NUMBER:none}})
FSE-bruger-id: {{FSE_ID:none}}

Hvad skal du gøre?
Log på Danmarks Statistiks platform med dit FSE-bruger-id og en engangskode, og dan
populationerne til autorisationens projekter. Brugergebyret er opkrævet hos institutionen.

{{LINK:none}}

Venlig hilsen
Specialeportalen, Danmarks Statistik
