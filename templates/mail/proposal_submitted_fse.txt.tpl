{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
{{#RESUBMITTED}}Rettet og sendt igen efter tilbagesendelse.

{{/RESUBMITTED}}Projektindstilling (sag {{SAG:none}}) under uddannelsesautorisation {{NUMBER:none}}
Institution: {{INSTITUTION:none}}
Vejleder: {{SUPERVISOR:none}} <{{SUPERVISOR_EMAIL:none}}>
Underskrevet som lovlig af: {{SIGNER:none}}
{{#FEE}}Gebyr for indstillingen: {{AMOUNT:none}}
{{/FEE}}
{{#FIELD}}{{LABEL:none}}:
{{VALUE:none}}

{{/FIELD}}Sagen i portalen:
{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
