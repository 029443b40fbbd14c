{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Din brugeradgang til data som datamanager er aktiv. Alt, hvad adgangen ventede på, er på plads.</p>
<ul>
<li>Institution: {{INSTITUTION}} (uddannelsesautorisation {{NUMBER}})</li>
<li>FSE-bruger-id: <strong>{{FSE_ID}}</strong></li>
</ul>
<h2>Hvad skal du gøre?</h2>
<p>Log på Danmarks Statistiks platform med dit FSE-bruger-id og en engangskode, og dan populationerne til autorisationens projekter. Brugergebyret er opkrævet hos institutionen. <a href="{{LINK}}">Se din adgang på Specialeportalen</a>.</p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
