{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

{{SUPERVISOR:none}} beder dig underskrive en projektindstilling under uddannelsesautorisation
{{NUMBER:none}} ({{INSTITUTION:none}}):

{{TITLE:none}}

Som underskriver bekræfter du på institutionens vegne, at projektet er lovligt efter
databeskyttelsesforordningen. Læs indstillingen og underskriv her:

{{LINK:none}}

Indstillingen kan først sendes til Forskningsservice, når den er underskrevet. Hvis teksten bliver
ændret, efter du har underskrevet, bortfalder underskriften, og vejlederen beder dig underskrive
igen.

Venlig hilsen
Danmarks Statistik, Forskningsservice
