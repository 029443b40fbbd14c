{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Forskningsservice har godkendt datamanager {{PERSON:none}} som bruger under uddannelsesautorisation
{{NUMBER:none}} ({{INSTITUTION:none}}). FSE-bruger-id'et er {{FSE_ID:none}}.

Hvad sker der nu?
Adgangen bliver aktiv, når datamanageren har accepteret brugeraftalen på Specialeportalen og har
bestået certificeringskurset hos Danmarks Statistik. Så opkræves brugergebyret. Se, hvor langt
adgangen er:

{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
