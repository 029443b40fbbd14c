{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Din vejleder, {{SUPERVISOR}}, har tjekket dine resultater og godkendt, at de hjemtages:</p>
<ul>
{{#RELEASED}}<li>{{NAME}} ({{SIZE}}, SHA-256 {{SHA256}})</li>
{{/RELEASED}}</ul>
{{#NOTE}}<p>Vejlederens note:</p>
<blockquote style="white-space: pre-line">{{TEXT}}</blockquote>{{/NOTE}}
<h2>Hvad sker der nu?</h2>
<p>Du kan <a href="{{LINK}}">hente filerne på Specialeportalen</a> under Hjemtag resultater.</p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
