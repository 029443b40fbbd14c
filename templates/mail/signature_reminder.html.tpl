{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>{{SUPERVISOR}} bad {{REQUESTED}} underskriverne om at underskrive en projektindstilling under
uddannelsesautorisation {{NUMBER}} ({{INSTITUTION}}):</p>
<p><strong>{{TITLE}}</strong></p>
<p>Den har nu ventet på en underskrift i {{WAITED}}. Indstillingen kan først sendes til
Forskningsservice, når en underskriver har underskrevet den.</p>
<h2>Hvad skal du gøre?</h2>
<p><a href="{{LINK}}">Læs indstillingen, og underskriv den</a>, hvis projektet er lovligt efter
databeskyttelsesforordningen. Er der noget i indstillingen, du ikke kan skrive under på, så kontakt
{{SUPERVISOR}}.</p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
