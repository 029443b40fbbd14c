{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Forskningsservice har godkendt projektindstillingen "{{TITLE}}" under uddannelsesautorisation
{{NUMBER}} (sag {{ID}}).</p>
<p>Projektnummer: <strong>{{PROJECT_NUMBER}}</strong></p>
{{#NOTE}}<p>Besked fra Forskningsservice:</p><p style="white-space: pre-line">{{TEXT:pre_escape}}</p>{{/NOTE}}
<h2>Hvad sker der nu?</h2>
<p>Projektet er et af autorisationens brede projekter. Vejlederne kan nu knytte studerende til det,
når en studerendes speciale passer til emnet. Projektnummeret står på
<a href="{{LINK}}">autorisationens side</a>.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
