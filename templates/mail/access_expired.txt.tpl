{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Specialeperioden for {{STUDENT:none}} sluttede {{ENDS:none}}. Derfor er den studerendes adgang
til data i det brede projekt {{PROJECT_NUMBER:none}} {{PROJECT_TITLE:none}} under
uddannelsesautorisation {{NUMBER:none}} ({{INSTITUTION:none}}) nu lukket af sig selv. Ingen havde
forlænget perioden eller fjernet den studerende inden.

Hvad sker der nu?
Du skal ikke gøre noget. Den studerende kan ikke længere arbejde med data i projektet, og det står
i den studerendes historik, hvornår og hvorfor adgangen lukkede. Skulle perioden have været
forlænget, så kontakt Forskningsservice på {{FSE_MAILBOX:none}}.

Se den studerende her:
{{LINK:none}}

Venlig hilsen
Specialeportalen, Danmarks Statistik
