{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Forskningsservice har sendt din ansøgning om uddannelsesautorisation for {{INSTITUTION:none}}
(sag {{ID:none}}) tilbage til dig, så du kan rette den.

Det skal rettes:
{{REASON:none}}

Ret ansøgningen og send den igen her:

{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
