{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Forskningsservice har sendt projektindstillingen "{{TITLE}}" under uddannelsesautorisation
{{NUMBER}} (sag {{ID}}) tilbage, så den kan rettes.</p>
<p>Det skal rettes:</p>
<p style="white-space: pre-line">{{REASON:pre_escape}}</p>
<p>Vejlederen retter indstillingen, en underskriver underskriver den igen, og så sendes den igen.
En genindstilling koster gebyret efter den takst, der gælder den dag, den sendes igen.
Indstillingen tæller stadig med i de fem.</p>
<p><a href="{{LINK}}">Åbn indstillingen</a></p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
