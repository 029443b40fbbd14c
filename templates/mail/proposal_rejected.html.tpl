{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Forskningsservice har afvist projektindstillingen "{{TITLE}}" under uddannelsesautorisation
{{NUMBER}} (sag {{ID}}).</p>
<p>Begrundelse:</p>
<p style="white-space: pre-line">{{REASON:pre_escape}}</p>
<p>En afvist indstilling tæller ikke med i de fem, så der er plads til en ny.
<a href="{{LINK}}">Se sagen</a>.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
