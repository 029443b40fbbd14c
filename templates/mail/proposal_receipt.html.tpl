{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Tak for projektindstillingen "{{TITLE}}" under uddannelsesautorisation {{NUMBER}} (sag {{SAG}}).
Vi har modtaget den {{DATE}}.</p>
{{#FEE}}<h2>Gebyr</h2>
<p>Indstillingen koster {{AMOUNT}} efter den takst, der gælder i dag. Data til de højst fem brede
projekter er gratis. Forskningsservice sender regningen til institutionen.</p>
{{#DEMO}}<p>(Taksten er en demoværdi i denne udgave af portalen, ikke en gældende pris.)</p>{{/DEMO}}
{{/FEE}}{{#NO_RATE}}<h2>Gebyr</h2>
<p>Der er ikke fastsat en takst for projektindstillinger i dag. Forskningsservice kontakter jer om
gebyret, før der sendes en regning.</p>
{{/NO_RATE}}{{#RESUBMITTED}}<p>Indstillingen er rettet og sendt igen. Det er en genindstilling, og den koster gebyret efter taksten den dag, den sendes.</p>
{{/RESUBMITTED}}<h2>Hvad sker der nu?</h2>
<p>Forskningsservice i Danmarks Statistik behandler indstillingen. Vi godkender den og giver projektet
et projektnummer, afviser den med en begrundelse eller sender den tilbage med besked om, hvad der
skal rettes. Du og den autorisationsansvarlige får en e-mail, hver gang der sker noget. Du kan
altid <a href="{{LINK}}">se status her</a>.</p>
<h2>Hvor lang tid tager det?</h2>
<p>Vores mål er at svare inden for {{SERVICE_DAYS}} arbejdsdage.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
