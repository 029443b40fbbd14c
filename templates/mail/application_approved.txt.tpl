{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Din ansøgning om uddannelsesautorisation for {{INSTITUTION:none}} (sag {{ID:none}}) er godkendt.

Autorisationens nummer: {{NUMBER:none}}
{{#NOTE}}
Besked fra Forskningsservice:
{{TEXT:none}}
{{/NOTE}}
Hvad skal I gøre nu?
{{#TO_MANAGER}}{{MANAGER:none}}, den personaleansvarlige leder, er autorisationsansvarlig.{{/TO_MANAGER}}{{#TO_APPLICANT}}Lederen har endnu ingen konto på Specialeportalen, så du er indtil videre autorisationsansvarlig.{{#INVITED}}
Vi har sendt {{MANAGER:none}} en invitation til at oprette en konto og overtage rollen. Når lederen har taget imod, er lederen autorisationsansvarlig, og din rolle som autorisationsansvarlig ophører. Invitationen virker i {{INVITE_DAYS:none}} dage.{{/INVITED}}{{/TO_APPLICANT}}
Den autorisationsansvarlige udpeger administratorer og underskrivere og tilknytter vejledere på
autorisationens side:

{{LINK:none}}

Venlig hilsen
Danmarks Statistik, Forskningsservice
