{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Forskningsservice har afvist din ansøgning om uddannelsesautorisation for {{INSTITUTION:none}}
(sag {{ID:none}}).

Begrundelse:
{{REASON:none}}

Du kan se sagen under Mine sager:

{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
