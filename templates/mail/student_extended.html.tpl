{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>{{#TO_STUDENT}}Din specialeperiode{{/TO_STUDENT}}{{#TO_STAFF}}Specialeperioden for {{STUDENT}}{{/TO_STAFF}} hos {{INSTITUTION}} (uddannelsesautorisation {{NUMBER}}) er forlænget af {{BY}}. Adgangen til data slutter nu <strong>{{ENDS}}</strong>.</p>
{{#REOPENED}}<p>Adgangen var sluttet, fordi perioden var udløbet. Den er åbnet igen.</p>{{/REOPENED}}
<p>Begrundelsen er:</p>
<blockquote style="white-space: pre-line">{{REASON}}</blockquote>
<h2>Hvad sker der nu?</h2>
<p>Der skal ikke gøres mere. Påmindelserne før slutdatoen kommer 30 og 7 dage før den nye dato.</p>
<p><a href="{{LINK}}">Se sagen på Specialeportalen</a></p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
