{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Forskningsservice har godkendt specialestuderende {{STUDENT:none}} som bruger under
uddannelsesautorisation {{NUMBER:none}} ({{INSTITUTION:none}}). Den studerendes FSE-bruger-id er
{{FSE_ID:none}}. Den studerende er nu tilknyttet autorisationen.

Hvad sker der nu?
En administrator giver den studerende adgang til projektet. Du kan se sagen her:

{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
