{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

{{BY:none}} har {{#SUSPENDED}}suspenderet{{/SUSPENDED}}{{#LIFTED}}ophævet suspenderingen af{{/LIFTED}}{{#ENDED}}afsluttet{{/ENDED}} {{#TO_PERSON}}din brugeradgang til data som datamanager{{/TO_PERSON}}{{#TO_FSE}}brugeradgangen til data for datamanager {{PERSON:none}}{{/TO_FSE}}
hos {{INSTITUTION:none}} (uddannelsesautorisation {{NUMBER:none}}){{#SUSPENDED}} for brud på sikkerhedsreglerne{{/SUSPENDED}}. Begrundelsen er:

{{REASON:none}}

Hvad sker der nu?
{{#SUSPENDED}}Adgangen er lukket, til en administrator ophæver suspenderingen.
{{/SUSPENDED}}{{#LIFTED}}Adgangen er åben igen, når alt andet, den venter på, er på plads.
{{/LIFTED}}{{#ENDED}}Adgangen er lukket. Den autorisationsansvarlige kan bede om en ny.
{{/ENDED}}
{{LINK:none}}

Venlig hilsen
Specialeportalen, Danmarks Statistik
