{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

{{BY:none}} har sendt sagen om specialestuderende {{STUDENT:none}} (uddannelsesautorisation
{{NUMBER:none}}) tilbage til dig. Beskeden er:

{{REASON:none}}

Hvad skal du gøre?
Ret oplysningerne, og send sagen til administratorerne igen. Ændrer du noget, der står i bilag 1,
skal du hente det igen, underskrive det og uploade det.

{{LINK:none}}

Venlig hilsen
Specialeportalen, Danmarks Statistik
