{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

{{BY:none}} har tilbagekaldt din rolle som {{ROLE:none}} på uddannelsesautorisationen for
{{INSTITUTION:none}}. Rollen virker ikke længere, og du kan ikke længere gøre det, den gav adgang til.

Begrundelse: {{REASON:none}}

Mener du, at det er en fejl, så kontakt {{BY:none}} eller den autorisationsansvarlige på
institutionen.

Venlig hilsen
Danmarks Statistik, Forskningsservice
