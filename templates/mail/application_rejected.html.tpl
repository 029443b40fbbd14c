{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Forskningsservice har afvist din ansøgning om uddannelsesautorisation for {{INSTITUTION}}
(sag {{ID}}).</p>
<h2>Begrundelse</h2>
<p style="white-space: pre-line">{{REASON:pre_escape}}</p>
<p>Du kan se sagen under <a href="{{LINK}}">Mine sager</a>.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
