{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Du bad {{REQUESTED}} om en underskrift på projektindstillingen under uddannelsesautorisation
{{NUMBER}} ({{INSTITUTION}}):</p>
<p><strong>{{TITLE}}</strong></p>
<p>Den har ventet i {{WAITED}}, og ingen har underskrevet den endnu.</p>
{{#HAS_SIGNERS}}<h2>Hvad sker der nu?</h2>
<p>Vi har mindet underskriverne om den:</p>
<ul>{{#SIGNER}}<li>{{SIGNER_NAME}}</li>{{/SIGNER}}</ul>
<p>Du får besked, når den er underskrevet, og så kan du sende den til Forskningsservice.</p>{{/HAS_SIGNERS}}
{{#NO_SIGNER}}<h2>Hvad skal du gøre?</h2>
<p>Der er ingen underskrivere på uddannelsesautorisationen lige nu. Bed den
autorisationsansvarlige om at invitere en underskriver.</p>{{/NO_SIGNER}}
<p><a href="{{LINK}}">Se indstillingen</a></p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
