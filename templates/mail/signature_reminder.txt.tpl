{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

{{SUPERVISOR:none}} bad {{REQUESTED:none}} underskriverne om at underskrive en projektindstilling
under uddannelsesautorisation {{NUMBER:none}} ({{INSTITUTION:none}}):

{{TITLE:none}}

Den har nu ventet på en underskrift i {{WAITED:none}}. Indstillingen kan først sendes til
Forskningsservice, når en underskriver har underskrevet den.

Hvad skal du gøre?
Læs indstillingen, og underskriv den her, hvis projektet er lovligt efter
databeskyttelsesforordningen:

{{LINK:none}}

Er der noget i indstillingen, du ikke kan skrive under på, så kontakt {{SUPERVISOR:none}}.

Venlig hilsen
Specialeportalen, Danmarks Statistik
