{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

{{#SUSPENDED}}{{BY:none}} har suspenderet {{#TO_STUDENT}}din adgang til data{{/TO_STUDENT}}{{#TO_STAFF}}adgangen til data for {{STUDENT:none}}{{/TO_STAFF}}{{#TO_FSE}}adgangen til data for {{STUDENT:none}}{{/TO_FSE}} i Specialeordningen hos
{{INSTITUTION:none}} (uddannelsesautorisation {{NUMBER:none}}) for brud på sikkerhedsreglerne.
Begrundelsen er:

{{REASON:none}}

Hvad sker der nu?
Adgangen er lukket, til en administrator ophæver suspenderingen.{{#TO_STUDENT}} Har du spørgsmål, så
kontakt administratoren.{{/TO_STUDENT}}{{#TO_FSE}} Forskningsservice får besked igen, når den
ophæves.{{/TO_FSE}}
{{/SUSPENDED}}{{#LIFTED}}{{BY:none}} har ophævet suspenderingen af {{#TO_STUDENT}}din adgang til data{{/TO_STUDENT}}{{#TO_STAFF}}adgangen til data for {{STUDENT:none}}{{/TO_STAFF}}{{#TO_FSE}}adgangen til data for {{STUDENT:none}}{{/TO_FSE}} i Specialeordningen
hos {{INSTITUTION:none}} (uddannelsesautorisation {{NUMBER:none}}). Begrundelsen er:

{{REASON:none}}

Hvad sker der nu?
Adgangen er åben igen, når alt andet, den venter på, er på plads.
{{/LIFTED}}{{#TO_FSE}}
Den studerendes vejleder er {{SUPERVISOR:none}}.
{{/TO_FSE}}
{{LINK:none}}

Venlig hilsen
Specialeportalen, Danmarks Statistik
