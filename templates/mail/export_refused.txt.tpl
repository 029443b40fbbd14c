{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Din vejleder, {{SUPERVISOR:none}}, har tjekket de resultater, du bad om at hjemtage, og kan
ikke godkende dem. Begrundelsen er:

{{REASON:none}}

Hvad kan du gøre?
Ret filerne efter begrundelsen, og send en ny anmodning på Specialeportalen under Hjemtag
resultater. Er du i tvivl, så tal med din vejleder.

{{LINK:none}}

Venlig hilsen
Specialeportalen, Danmarks Statistik
