{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

{{#TO_STUDENT}}Din specialeperiode{{/TO_STUDENT}}{{#TO_STAFF}}Specialeperioden for {{STUDENT:none}}{{/TO_STAFF}} hos {{INSTITUTION:none}} (uddannelsesautorisation
{{NUMBER:none}}) er forlænget af {{BY:none}}. Adgangen til data slutter nu {{ENDS:none}}.
{{#REOPENED}}Adgangen var sluttet, fordi perioden var udløbet. Den er åbnet igen.
{{/REOPENED}}
Begrundelsen er:

{{REASON:none}}

Hvad sker der nu?
Der skal ikke gøres mere. Påmindelserne før slutdatoen kommer 30 og 7 dage før den nye dato.

{{LINK:none}}

Venlig hilsen
Specialeportalen, Danmarks Statistik
