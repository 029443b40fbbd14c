{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Forskningsservice har afvist projektindstillingen "{{TITLE:none}}" under uddannelsesautorisation
{{NUMBER:none}} (sag {{ID:none}}).

Begrundelse:
{{REASON:none}}

En afvist indstilling tæller ikke med i de fem, så der er plads til en ny. Se sagen her:

{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
