{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Forskningsservice har godkendt projektindstillingen "{{TITLE:none}}" under
uddannelsesautorisation {{NUMBER:none}} (sag {{ID:none}}).

Projektnummer: {{PROJECT_NUMBER:none}}
{{#NOTE}}
Besked fra Forskningsservice:
{{TEXT:none}}
{{/NOTE}}
Hvad sker der nu?
Projektet er et af autorisationens brede projekter. Vejlederne kan nu knytte studerende til det,
når en studerendes speciale passer til emnet. Projektnummeret står på autorisationens side:

{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
