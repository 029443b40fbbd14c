{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
{{#SUSPENDED}}<p>{{BY}} har suspenderet {{#TO_STUDENT}}din adgang til data{{/TO_STUDENT}}{{#TO_STAFF}}adgangen til data for {{STUDENT}}{{/TO_STAFF}}{{#TO_FSE}}adgangen til data for {{STUDENT}}{{/TO_FSE}} i Specialeordningen hos {{INSTITUTION}} (uddannelsesautorisation {{NUMBER}}) for brud på sikkerhedsreglerne. Begrundelsen er:</p>
<blockquote style="white-space: pre-line">{{REASON}}</blockquote>
<h2>Hvad sker der nu?</h2>
<p>Adgangen er lukket, til en administrator ophæver suspenderingen.{{#TO_STUDENT}} Har du spørgsmål, så kontakt administratoren.{{/TO_STUDENT}}{{#TO_FSE}} Forskningsservice får besked igen, når den ophæves.{{/TO_FSE}}</p>{{/SUSPENDED}}
{{#LIFTED}}<p>{{BY}} har ophævet suspenderingen af {{#TO_STUDENT}}din adgang til data{{/TO_STUDENT}}{{#TO_STAFF}}adgangen til data for {{STUDENT}}{{/TO_STAFF}}{{#TO_FSE}}adgangen til data for {{STUDENT}}{{/TO_FSE}} i Specialeordningen hos {{INSTITUTION}} (uddannelsesautorisation {{NUMBER}}). Begrundelsen er:</p>
<blockquote style="white-space: pre-line">{{REASON}}</blockquote>
<h2>Hvad sker der nu?</h2>
<p>Adgangen er åben igen, når alt andet, den venter på, er på plads.</p>{{/LIFTED}}
{{#TO_FSE}}<p>Den studerendes vejleder er {{SUPERVISOR}}.</p>{{/TO_FSE}}
<p><a href="{{LINK}}">Se sagen på Specialeportalen</a></p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
