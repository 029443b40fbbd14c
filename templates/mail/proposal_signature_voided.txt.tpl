{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

{{SUPERVISOR:none}} har ændret projektindstillingen "{{TITLE:none}}" under uddannelsesautorisation
{{NUMBER:none}}, efter du havde underskrevet den. Din underskrift gjaldt den tekst, du læste, og
den er derfor bortfaldet.

Du skal ikke gøre noget nu. Vejlederen beder dig om at underskrive igen, når teksten er færdig, og
indstillingen kan ikke sendes til Forskningsservice før. Du kan se den nye tekst her:

{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
