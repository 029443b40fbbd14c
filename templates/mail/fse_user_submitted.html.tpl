{{%AUTOESCAPE context="HTML"}}
<p>Til Forskningsservice</p>
<p>{{RESPONSIBLE}} beder om, at specialestuderende {{STUDENT}} ({{EMAIL}}) godkendes som bruger under
uddannelsesautorisation {{NUMBER}} ({{INSTITUTION}}).</p>
{{#HAS_ID}}<p>Den studerende har FSE-bruger-id {{FSE_ID}}. Bekræft det.</p>{{/HAS_ID}}
{{#NEW_USER}}<p>Den studerende har ikke et FSE-bruger-id. Opret brugeren, og skriv id'et i sagen.</p>{{/NEW_USER}}
<p><a href="{{LINK}}">Åbn sagen</a></p>
<p>Specialeportalen</p>
