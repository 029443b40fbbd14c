{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
{{#AS_STUDENT}}<p>Din specialeperiode slutter {{ENDS}}, altså {{WHEN}}. Den dag lukker din adgang til
data i det brede projekt {{PROJECT_NUMBER}} {{PROJECT_TITLE}} under uddannelsesautorisation
{{NUMBER}} ({{INSTITUTION}}).</p>
<h2>Hvad skal du gøre?</h2>
<p>Gør dine analyser færdige i god tid. Vil du have resultater med hjem, så send en skriftlig
anmodning til din vejleder, før perioden slutter: vejlederen tjekker filerne og tager dem med hjem
for dig. Får du brug for mere tid, så tal med din vejleder. En administrator på institutionen kan
forlænge perioden.</p>
<p><a href="{{LINK}}">Se din adgang</a></p>{{/AS_STUDENT}}
{{#AS_SUPERVISOR}}<p>Specialeperioden for {{STUDENT}}, som du er vejleder for, slutter {{ENDS}}, altså
{{WHEN}}. Den dag lukker den studerendes adgang til data i det brede projekt {{PROJECT_NUMBER}}
{{PROJECT_TITLE}} under uddannelsesautorisation {{NUMBER}} ({{INSTITUTION}}).</p>
<h2>Hvad skal du gøre?</h2>
<p>Har den studerende brug for mere tid, så bed en administrator om at forlænge perioden. Er der
resultater, den studerende skal have med hjem, skal du tjekke og hjemtage dem, før perioden
slutter. Ellers skal du ikke gøre noget: adgangen lukker af sig selv.</p>
<p><a href="{{LINK}}">Se den studerende</a></p>{{/AS_SUPERVISOR}}
{{#AS_ADMIN}}<p>Specialeperioden for {{STUDENT}} slutter {{ENDS}}, altså {{WHEN}}. Den dag lukker den
studerendes adgang til data i det brede projekt {{PROJECT_NUMBER}} {{PROJECT_TITLE}} under
uddannelsesautorisation {{NUMBER}} ({{INSTITUTION}}).</p>
<h2>Hvad skal du gøre?</h2>
<p>Skal perioden forlænges, kan du gøre det på den studerendes side med en begrundelse. Er
specialet bestået eller opgivet, fjerner du den studerende. Gør ingen noget, lukker adgangen af
sig selv {{ENDS}}, og du får besked.</p>
<p><a href="{{LINK}}">Se den studerende</a></p>{{/AS_ADMIN}}
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
