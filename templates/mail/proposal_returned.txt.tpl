{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Forskningsservice har sendt projektindstillingen "{{TITLE:none}}" under uddannelsesautorisation
{{NUMBER:none}} (sag {{ID:none}}) tilbage, så den kan rettes.

Det skal rettes:
{{REASON:none}}

Vejlederen retter indstillingen, en underskriver underskriver den igen, og så sendes den igen.
En genindstilling koster gebyret efter den takst, der gælder den dag, den sendes igen.
Indstillingen tæller stadig med i de fem.

{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
