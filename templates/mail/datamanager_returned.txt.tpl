{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Forskningsservice har sendt anmodningen om brugeradgang til datamanager {{PERSON:none}} tilbage til
dig (uddannelsesautorisation {{NUMBER:none}}). Beskeden er:

{{REASON:none}}

Hvad skal du gøre?
Ret anmodningen, og send den igen, på siden om datamanagernes brugeradgang:

{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
