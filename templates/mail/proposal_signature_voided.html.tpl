{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>{{SUPERVISOR}} har ændret projektindstillingen "{{TITLE}}" under uddannelsesautorisation
{{NUMBER}}, efter du havde underskrevet den. Din underskrift gjaldt den tekst, du læste, og den er
derfor bortfaldet.</p>
<p>Du skal ikke gøre noget nu. Vejlederen beder dig om at underskrive igen, når teksten er færdig, og
indstillingen kan ikke sendes til Forskningsservice før. <a href="{{LINK}}">Se den nye tekst</a>.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
