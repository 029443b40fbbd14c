{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Forskningsservice har ikke godkendt datamanager {{PERSON:none}} som bruger under
uddannelsesautorisation {{NUMBER:none}} ({{INSTITUTION:none}}). Begrundelsen er:

{{REASON:none}}

Hvad sker der nu?
Personen får ikke brugeradgang. Den autorisationsansvarlige kan bede om den igen, når det, der
stod i vejen, er løst:

{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
