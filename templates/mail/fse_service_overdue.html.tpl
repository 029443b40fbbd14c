{{%AUTOESCAPE context="HTML"}}
<p>Sag {{SAG}} ({{KIND}}) har ventet på Forskningsservice i {{AGE}} arbejdsdage. Servicemålet er en
afgørelse inden for {{GOAL}} arbejdsdage.</p>
<p>Titel: {{TITLE}}<br>
Fra: {{APPLICANT}} &lt;{{APPLICANT_EMAIL}}&gt;<br>
{{#AUTHORISATION}}Uddannelsesautorisation: {{NUMBER}} ({{INSTITUTION}})<br>{{/AUTHORISATION}}
Sendt: {{SUBMITTED}}</p>
<p><a href="{{LINK}}">Sagen i portalen</a></p>
<p>Denne besked kommer én gang pr. indsendelse.</p>
<p>Venlig hilsen<br>Specialeportalen</p>
