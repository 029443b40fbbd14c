{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Forskningsservice har godkendt specialestuderende {{STUDENT}} som bruger under
uddannelsesautorisation {{NUMBER}} ({{INSTITUTION}}). Den studerendes FSE-bruger-id er
<strong>{{FSE_ID}}</strong>. Den studerende er nu tilknyttet autorisationen.</p>
<h2>Hvad sker der nu?</h2>
<p>En administrator giver den studerende adgang til projektet. <a href="{{LINK}}">Se sagen her</a>.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
