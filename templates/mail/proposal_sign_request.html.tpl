{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>{{SUPERVISOR}} beder dig underskrive en projektindstilling under uddannelsesautorisation
{{NUMBER}} ({{INSTITUTION}}):</p>
<p><strong>{{TITLE}}</strong></p>
<p>Som underskriver bekræfter du på institutionens vegne, at projektet er lovligt efter
databeskyttelsesforordningen. <a href="{{LINK}}">Læs indstillingen og underskriv</a>.</p>
<p>Indstillingen kan først sendes til Forskningsservice, når den er underskrevet. Hvis teksten bliver
ændret, efter du har underskrevet, bortfalder underskriften, og vejlederen beder dig underskrive
igen.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
