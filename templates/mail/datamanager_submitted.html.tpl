{{%AUTOESCAPE context="HTML"}}
<p>Til Forskningsservice</p>
<p>{{RESPONSIBLE}} beder om brugeradgang til data for datamanager {{PERSON}} ({{EMAIL}}) under uddannelsesautorisation {{NUMBER}} ({{INSTITUTION}}). Personen er både administrator og datamanager og skal danne populationer til autorisationens projekter.</p>
{{#HAS_ID}}<p>Personen har FSE-bruger-id <strong>{{FSE_ID}}</strong>. Bekræft det.</p>{{/HAS_ID}}{{#NEW_USER}}<p>Personen har ikke et FSE-bruger-id. Opret brugeren, og skriv id'et i sagen.</p>{{/NEW_USER}}
<p><a href="{{LINK}}">Åbn sagen</a></p>
<p>Specialeportalen</p>
