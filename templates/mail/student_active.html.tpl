{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Din adgang til data i Specialeordningen er aktiv. Alt, hvad adgangen ventede på, er på plads.</p>
<ul>
<li>Projekt: {{PROJECT}}</li>
<li>Institution: {{INSTITUTION}} (uddannelsesautorisation {{NUMBER}})</li>
<li>Vejleder: {{SUPERVISOR}}</li>
<li>Adgangen slutter: {{ENDS}}</li>
</ul>
<h2>Hvad skal du gøre?</h2>
<p>Log på Danmarks Statistiks platform med dit FSE-bruger-id, <strong>{{FSE_ID}}</strong>, og en engangskode. Resultater, du vil tage med hjem, beder du din vejleder om at hjemtage; det gør du på <a href="{{LINK}}">Specialeportalen</a>. Du får en påmindelse 30 og 7 dage før, adgangen slutter.</p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
