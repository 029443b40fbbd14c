{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Forskningsservice har godkendt datamanager {{PERSON}} som bruger under uddannelsesautorisation {{NUMBER}} ({{INSTITUTION}}). FSE-bruger-id'et er <strong>{{FSE_ID}}</strong>.</p>
<h2>Hvad sker der nu?</h2>
<p>Adgangen bliver aktiv, når datamanageren har accepteret brugeraftalen på Specialeportalen og har bestået certificeringskurset hos Danmarks Statistik. Så opkræves brugergebyret. <a href="{{LINK}}">Se, hvor langt adgangen er</a>.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
