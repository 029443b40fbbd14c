{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

{{BY:none}} har afsluttet {{#TO_STUDENT}}din adgang til data{{/TO_STUDENT}}{{#TO_STAFF}}adgangen til data for {{STUDENT:none}}{{/TO_STAFF}} i Specialeordningen hos {{INSTITUTION:none}}
(uddannelsesautorisation {{NUMBER:none}}), fordi specialet er {{#PASSED}}bestået{{/PASSED}}{{#ABANDONED}}opgivet{{/ABANDONED}}.
{{#HAS_NOTE}}
Bemærkning: {{NOTE:none}}
{{/HAS_NOTE}}
Hvad sker der nu?
Adgangen til data er lukket fra i dag. Forløbet står fortsat på Specialeportalen.
{{#TO_STUDENT}}{{#PASSED}}
Tillykke med specialet. Har din vejleder opfordret dig til at publicere, skal projektet oprettes
på ny under Danmarks Statistiks forskerordning eller projektordning. Det sker ikke her på
portalen: Forskningsservice hjælper dig videre, se https://www.dst.dk/da/TilSalg/Forskningsservice.
{{/PASSED}}{{/TO_STUDENT}}
{{LINK:none}}

Venlig hilsen
Specialeportalen, Danmarks Statistik
