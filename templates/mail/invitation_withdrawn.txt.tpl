{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej

{{BY:none}} har trukket invitationen til rollen som {{ROLE:none}} hos {{INSTITUTION:none}} tilbage.
Linket i invitationen virker ikke længere, og du skal ikke gøre noget.

Har du spørgsmål, så kontakt {{BY:none}} eller den autorisationsansvarlige på institutionen.

Venlig hilsen
Danmarks Statistik, Forskningsservice
