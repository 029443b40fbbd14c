{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>{{SUPERVISOR}} beder dig som {{AS}} om at tilknytte specialestuderende {{STUDENT}} til det
brede projekt {{PROJECT_NUMBER}} {{PROJECT_TITLE}} under uddannelsesautorisation {{NUMBER}}
({{INSTITUTION}}).</p>
<h2>Hvad skal du gøre?</h2>
<p>{{YOUR_PART}}<a href="{{LINK}}">Se oplysningerne og det underskrevne bilag 1</a> om specialets forskningshøjde.
Sagen står også under Mine sager, når du er logget ind.</p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
