{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

{{SUPERVISOR:none}} beder dig som {{AS:none}} om at tilknytte specialestuderende
{{STUDENT:none}} til det brede projekt {{PROJECT_NUMBER:none}} {{PROJECT_TITLE:none}} under
uddannelsesautorisation {{NUMBER:none}} ({{INSTITUTION:none}}).

Hvad skal du gøre?
{{YOUR_PART:none}}Se oplysningerne og det underskrevne bilag 1 om specialets forskningshøjde
her:

{{LINK:none}}

Sagen står også under Mine sager, når du er logget ind.

Venlig hilsen
Specialeportalen, Danmarks Statistik
