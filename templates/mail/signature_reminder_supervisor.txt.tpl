{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Du bad {{REQUESTED:none}} om en underskrift på projektindstillingen under uddannelsesautorisation
{{NUMBER:none}} ({{INSTITUTION:none}}):

{{TITLE:none}}

Den har ventet i {{WAITED:none}}, og ingen har underskrevet den endnu.

{{#HAS_SIGNERS}}Hvad sker der nu?
Vi har mindet underskriverne om den:
{{#SIGNER}}- {{SIGNER_NAME:none}}
{{/SIGNER}}
Du får besked, når den er underskrevet, og så kan du sende den til Forskningsservice.
{{/HAS_SIGNERS}}{{#NO_SIGNER}}Hvad skal du gøre?
Der er ingen underskrivere på uddannelsesautorisationen lige nu. Bed den autorisationsansvarlige
om at invitere en underskriver.
{{/NO_SIGNER}}
Se indstillingen her:
{{LINK:none}}

Venlig hilsen
Specialeportalen, Danmarks Statistik
