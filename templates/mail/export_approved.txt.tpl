{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Din vejleder, {{SUPERVISOR:none}}, har tjekket dine resultater og godkendt, at de hjemtages:
{{#RELEASED}}
- {{NAME:none}} ({{SIZE:none}}, SHA-256 {{SHA256:none}}){{/RELEASED}}
{{#NOTE}}
Vejlederens note:
{{TEXT:none}}
{{/NOTE}}
Hvad sker der nu?
Du kan hente filerne på Specialeportalen under Hjemtag resultater:

{{LINK:none}}

Venlig hilsen
Specialeportalen, Danmarks Statistik
