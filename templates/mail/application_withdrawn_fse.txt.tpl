{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Ansøgningen om uddannelsesautorisation (sag {{ID:none}}), {{TITLE:none}}, er trukket tilbage af
ansøgeren, {{APPLICANT:none}} <{{APPLICANT_EMAIL:none}}>. Den skal ikke behandles mere.

Ansøgerens begrundelse:
{{REASON:none}}

Sagen i portalen:
{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
