{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Forskningsservice har ikke godkendt datamanager {{PERSON}} som bruger under uddannelsesautorisation {{NUMBER}} ({{INSTITUTION}}). Begrundelsen er:</p>
<blockquote style="white-space: pre-line">{{REASON}}</blockquote>
<h2>Hvad sker der nu?</h2>
<p>Personen får ikke brugeradgang. Den autorisationsansvarlige kan <a href="{{LINK}}">bede om den igen</a>, når det, der stod i vejen, er løst.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
