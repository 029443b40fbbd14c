{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>{{BY}} har tilbagekaldt din rolle som {{ROLE}} på uddannelsesautorisationen for {{INSTITUTION}}.
Rollen virker ikke længere, og du kan ikke længere gøre det, den gav adgang til.</p>
<p>Begrundelse: {{REASON:pre_escape}}</p>
<p>Mener du, at det er en fejl, så kontakt {{BY}} eller den autorisationsansvarlige på
institutionen.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
