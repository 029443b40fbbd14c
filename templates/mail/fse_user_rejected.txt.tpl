{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Forskningsservice har ikke godkendt specialestuderende {{STUDENT:none}} som bruger under
uddannelsesautorisation {{NUMBER:none}} ({{INSTITUTION:none}}). Den studerende kan derfor ikke
tilknyttes. Begrundelsen er:

{{REASON:none}}

Har du spørgsmål, så svar på denne mail eller skriv til Forskningsservice. Sagen:

{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
