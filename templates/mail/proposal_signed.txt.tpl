{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

{{SIGNER:none}} har underskrevet projektindstillingen "{{TITLE:none}}" under
uddannelsesautorisation {{NUMBER:none}}.

Du kan nu sende den til Forskningsservice:

{{LINK:none}}

Hvis du ændrer teksten først, bortfalder underskriften, og indstillingen skal underskrives igen.

Venlig hilsen
Danmarks Statistik, Forskningsservice
