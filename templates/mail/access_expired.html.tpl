{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Specialeperioden for {{STUDENT}} sluttede {{ENDS}}. Derfor er den studerendes adgang til data i
det brede projekt {{PROJECT_NUMBER}} {{PROJECT_TITLE}} under uddannelsesautorisation {{NUMBER}}
({{INSTITUTION}}) nu lukket af sig selv. Ingen havde forlænget perioden eller fjernet den
studerende inden.</p>
<h2>Hvad sker der nu?</h2>
<p>Du skal ikke gøre noget. Den studerende kan ikke længere arbejde med data i projektet, og det
står i den studerendes historik, hvornår og hvorfor adgangen lukkede. Skulle perioden have været
forlænget, så kontakt Forskningsservice på <a href="mailto:{{FSE_MAILBOX}}">{{FSE_MAILBOX}}</a>.</p>
<p><a href="{{LINK}}">Se den studerende</a></p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
