{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>{{STUDENT}} beder dig om at tage resultater med hjem fra Danmarks Statistiks analyseplatform ({{#ONE_FILE}}1 fil{{/ONE_FILE}}{{#SEVERAL_FILES}}{{FILES}} filer{{/SEVERAL_FILES}}). Du er vejleder for den studerende under uddannelsesautorisation {{NUMBER}}, {{INSTITUTION}}.</p>
<h2>Hvad skal du gøre?</h2>
<p><a href="{{LINK}}">Hent filerne</a>, og tjek dem efter Forskningsservices tjekliste for hjemtagelse. Godkend dem med en note, eller afvis anmodningen med en begrundelse. Den studerende får en e-mail med din afgørelse.</p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
