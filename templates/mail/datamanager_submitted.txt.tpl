{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Til Forskningsservice

{{RESPONSIBLE:none}} beder om brugeradgang til data for datamanager {{PERSON:none}} ({{EMAIL:none}})
under uddannelsesautorisation {{NUMBER:none}} ({{INSTITUTION:none}}). Personen er både administrator
og datamanager og skal danne populationer til autorisationens projekter.

{{#HAS_ID}}Personen har FSE-bruger-id {{FSE_ID:none}}. Bekræft det.
{{/HAS_ID}}{{#NEW_USER}}Personen har ikke et FSE-bruger-id. Opret brugeren, og skriv id'et i sagen.
{{/NEW_USER}}
Sagen:
{{LINK:none}}

Specialeportalen
