{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Sag {{SAG:none}} ({{KIND:none}}) har ventet på Forskningsservice i {{AGE:none}} arbejdsdage.
Servicemålet er en afgørelse inden for {{GOAL:none}} arbejdsdage.

Titel: {{TITLE:none}}
Fra: {{APPLICANT:none}} <{{APPLICANT_EMAIL:none}}>
{{#AUTHORISATION}}Uddannelsesautorisation: {{NUMBER:none}} ({{INSTITUTION:none}})
{{/AUTHORISATION}}Sendt: {{SUBMITTED:none}}

Sagen i portalen:
{{LINK:none}}

Denne besked kommer én gang pr. indsendelse.

Venlig hilsen
Specialeportalen
