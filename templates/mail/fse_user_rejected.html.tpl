{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Forskningsservice har ikke godkendt specialestuderende {{STUDENT}} som bruger under
uddannelsesautorisation {{NUMBER}} ({{INSTITUTION}}). Den studerende kan derfor ikke tilknyttes.
Begrundelsen er:</p>
<blockquote style="white-space: pre-line">{{REASON}}</blockquote>
<p>Har du spørgsmål, så svar på denne mail eller skriv til Forskningsservice. <a href="{{LINK}}">Se sagen</a>.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
