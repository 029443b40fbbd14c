{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Til Forskningsservice

{{RESPONSIBLE:none}} beder om, at specialestuderende {{STUDENT:none}} ({{EMAIL:none}}) godkendes
som bruger under uddannelsesautorisation {{NUMBER:none}} ({{INSTITUTION:none}}).

{{#HAS_ID}}Den studerende har FSE-bruger-id {{FSE_ID:none}}. Bekræft det.
{{/HAS_ID}}{{#NEW_USER}}Den studerende har ikke et FSE-bruger-id. Opret brugeren, og skriv id'et i sagen.
{{/NEW_USER}}
Sagen:
{{LINK:none}}

Specialeportalen
