{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>{{MANAGER}} har bekræftet ansvaret for uddannelsesautorisationen for {{INSTITUTION}}. Du kan nu
gennemse ansøgningen og sende den til Forskningsservice.</p>
<p><a href="{{LINK}}">Gennemse og send ansøgningen</a></p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
