{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>{{SIGNER}} har underskrevet projektindstillingen "{{TITLE}}" under uddannelsesautorisation
{{NUMBER}}.</p>
<p>Du kan nu <a href="{{LINK}}">sende den til Forskningsservice</a>.</p>
<p>Hvis du ændrer teksten først, bortfalder underskriften, og indstillingen skal underskrives igen.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
