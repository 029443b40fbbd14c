{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

{{MANAGER:none}} har bekræftet ansvaret for uddannelsesautorisationen for {{INSTITUTION:none}}.
Du kan nu gennemse ansøgningen og sende den til Forskningsservice:

{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
