{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Ny ansøgning om uddannelsesautorisation (sag {{ID:none}}) fra Specialeportalen.

Institution: {{INSTITUTION:none}}
Universitet: {{UNIVERSITY:none}}
Fakultet, institut eller center: {{UNIT:none}}
{{#OTHER}}Beskrivelse af institutionen: {{DESCRIPTION:none}}
Institutionens behov: {{NEED:none}}
{{/OTHER}}
Kandidatuddannelser:
{{#PROGRAMME}}- {{NAME:none}} (speciale {{ECTS:none}} ECTS)
{{/PROGRAMME}}
Personaleansvarlig leder: {{MANAGER:none}}, {{MANAGER_TITLE:none}}, {{MANAGER_EMAIL:none}}
(bekræftet via link {{CONFIRMED_AT:none}})

Erfarne personer:
{{#PERSON}}- {{NAME:none}}, {{ROLE:none}}, {{EMAIL:none}}: {{EXPERIENCE:none}}
{{/PERSON}}
Miljøets side: {{URL:none}}

E-maildomæner:
{{#DOMAIN}}- {{NAME:none}}
{{/DOMAIN}}
Analyseplatform: {{PLATFORM:none}}

Indsendt af {{APPLICANT:none}} ({{APPLICANT_EMAIL:none}}).

Se ansøgningen: {{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
