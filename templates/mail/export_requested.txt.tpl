{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

{{STUDENT:none}} beder dig om at tage resultater med hjem fra Danmarks Statistiks
analyseplatform ({{#ONE_FILE}}1 fil{{/ONE_FILE}}{{#SEVERAL_FILES}}{{FILES:none}} filer{{/SEVERAL_FILES}}). Du er vejleder for den studerende under
uddannelsesautorisation {{NUMBER:none}}, {{INSTITUTION:none}}.

Hvad skal du gøre?
Hent filerne, og tjek dem efter Forskningsservices tjekliste for hjemtagelse. Godkend dem
med en note, eller afvis anmodningen med en begrundelse. Den studerende får en e-mail med
din afgørelse.

{{LINK:none}}

Venlig hilsen
Specialeportalen, Danmarks Statistik
