{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Din ansøgning om uddannelsesautorisation for {{INSTITUTION}} (sag {{ID}}) er godkendt.</p>
<p>Autorisationens nummer: <strong>{{NUMBER}}</strong></p>
{{#NOTE}}<h2>Besked fra Forskningsservice</h2>
<p style="white-space: pre-line">{{TEXT:pre_escape}}</p>{{/NOTE}}
<h2>Hvad skal I gøre nu?</h2>
<p>{{#TO_MANAGER}}{{MANAGER}}, den personaleansvarlige leder, er autorisationsansvarlig.{{/TO_MANAGER}}{{#TO_APPLICANT}}Lederen har endnu ingen konto på Specialeportalen, så du er indtil videre autorisationsansvarlig.{{#INVITED}}
Vi har sendt {{MANAGER}} en invitation til at oprette en konto og overtage rollen. Når lederen har taget imod, er lederen autorisationsansvarlig, og din rolle som autorisationsansvarlig ophører. Invitationen virker i {{INVITE_DAYS}} dage.{{/INVITED}}{{/TO_APPLICANT}}
Den autorisationsansvarlige udpeger administratorer og underskrivere og tilknytter vejledere på
<a href="{{LINK}}">autorisationens side</a>.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
