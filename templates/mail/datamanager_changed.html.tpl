{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>{{BY}} har {{#SUSPENDED}}suspenderet{{/SUSPENDED}}{{#LIFTED}}ophævet suspenderingen af{{/LIFTED}}{{#ENDED}}afsluttet{{/ENDED}} {{#TO_PERSON}}din brugeradgang til data som datamanager{{/TO_PERSON}}{{#TO_FSE}}brugeradgangen til data for datamanager {{PERSON}}{{/TO_FSE}} hos {{INSTITUTION}} (uddannelsesautorisation {{NUMBER}}){{#SUSPENDED}} for brud på sikkerhedsreglerne{{/SUSPENDED}}. Begrundelsen er:</p>
<blockquote style="white-space: pre-line">{{REASON}}</blockquote>
<h2>Hvad sker der nu?</h2>
<p>{{#SUSPENDED}}Adgangen er lukket, til en administrator ophæver suspenderingen.{{/SUSPENDED}}{{#LIFTED}}Adgangen er åben igen, når alt andet, den venter på, er på plads.{{/LIFTED}}{{#ENDED}}Adgangen er lukket. Den autorisationsansvarlige kan bede om en ny.{{/ENDED}} <a href="{{LINK}}">Se adgangen på Specialeportalen</a>.</p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
