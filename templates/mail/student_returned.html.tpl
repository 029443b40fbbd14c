{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>{{BY}} har sendt sagen om specialestuderende {{STUDENT}} (uddannelsesautorisation {{NUMBER}})
tilbage til dig. Beskeden er:</p>
<blockquote style="white-space: pre-line">{{REASON}}</blockquote>
<h2>Hvad skal du gøre?</h2>
<p><a href="{{LINK}}">Ret oplysningerne</a>, og send sagen til administratorerne igen. Ændrer du noget,
der står i bilag 1, skal du hente det igen, underskrive det og uploade det.</p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
