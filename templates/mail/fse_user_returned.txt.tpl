{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Forskningsservice har sendt anmodningen om at godkende specialestuderende {{STUDENT:none}} som
bruger tilbage til dig (uddannelsesautorisation {{NUMBER:none}}). Beskeden er:

{{REASON:none}}

Hvad skal du gøre?
Ret anmodningen på sagen om den studerende, og send den igen:

{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
