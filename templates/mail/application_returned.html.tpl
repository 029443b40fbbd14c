{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Forskningsservice har sendt din ansøgning om uddannelsesautorisation for {{INSTITUTION}}
(sag {{ID}}) tilbage til dig, så du kan rette den.</p>
<h2>Det skal rettes</h2>
<p style="white-space: pre-line">{{REASON:pre_escape}}</p>
<p><a href="{{LINK}}">Ret ansøgningen og send den igen</a>.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
