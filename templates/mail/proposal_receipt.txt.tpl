{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Tak for projektindstillingen "{{TITLE:none}}" under uddannelsesautorisation {{NUMBER:none}}
(sag {{SAG:none}}). Vi har modtaget den {{DATE:none}}.

{{#FEE}}Gebyr
Indstillingen koster {{AMOUNT:none}} efter den takst, der gælder i dag. Data til de højst fem brede
projekter er gratis. Forskningsservice sender regningen til institutionen.
{{#DEMO}}(Taksten er en demoværdi i denne udgave af portalen, ikke en gældende pris.)
{{/DEMO}}
{{/FEE}}{{#NO_RATE}}Gebyr
Der er ikke fastsat en takst for projektindstillinger i dag. Forskningsservice kontakter jer om
gebyret, før der sendes en regning.

{{/NO_RATE}}{{#RESUBMITTED}}Indstillingen er rettet og sendt igen. Det er en genindstilling, og den koster gebyret efter taksten
den dag, den sendes.

{{/RESUBMITTED}}Hvad sker der nu?
Forskningsservice i Danmarks Statistik behandler indstillingen. Vi godkender den og giver projektet
et projektnummer, afviser den med en begrundelse eller sender den tilbage med besked om, hvad der
skal rettes. Du og den autorisationsansvarlige får en e-mail, hver gang der sker noget. Du kan altid
se status her:

{{LINK:none}}

Hvor lang tid tager det?
Vores mål er at svare inden for {{SERVICE_DAYS:none}} arbejdsdage.

Venlig hilsen
Danmarks Statistik, Forskningsservice
