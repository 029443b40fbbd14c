{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

{{#AS_STUDENT}}Din specialeperiode slutter {{ENDS:none}}, altså {{WHEN:none}}. Den dag lukker din
adgang til data i det brede projekt {{PROJECT_NUMBER:none}} {{PROJECT_TITLE:none}} under
uddannelsesautorisation {{NUMBER:none}} ({{INSTITUTION:none}}).

Hvad skal du gøre?
Gør dine analyser færdige i god tid. Vil du have resultater med hjem, så send en skriftlig
anmodning til din vejleder, før perioden slutter: vejlederen tjekker filerne og tager dem med hjem
for dig. Får du brug for mere tid, så tal med din vejleder. En administrator på institutionen kan
forlænge perioden.

Se din adgang her:
{{/AS_STUDENT}}{{#AS_SUPERVISOR}}Specialeperioden for {{STUDENT:none}}, som du er vejleder for, slutter {{ENDS:none}}, altså
{{WHEN:none}}. Den dag lukker den studerendes adgang til data i det brede projekt
{{PROJECT_NUMBER:none}} {{PROJECT_TITLE:none}} under uddannelsesautorisation {{NUMBER:none}}
({{INSTITUTION:none}}).

Hvad skal du gøre?
Har den studerende brug for mere tid, så bed en administrator om at forlænge perioden. Er der
resultater, den studerende skal have med hjem, skal du tjekke og hjemtage dem, før perioden
slutter. Ellers skal du ikke gøre noget: adgangen lukker af sig selv.

Se den studerende her:
{{/AS_SUPERVISOR}}{{#AS_ADMIN}}Specialeperioden for {{STUDENT:none}} slutter {{ENDS:none}}, altså {{WHEN:none}}. Den dag lukker
den studerendes adgang til data i det brede projekt {{PROJECT_NUMBER:none}}
{{PROJECT_TITLE:none}} under uddannelsesautorisation {{NUMBER:none}} ({{INSTITUTION:none}}).

Hvad skal du gøre?
Skal perioden forlænges, kan du gøre det på den studerendes side med en begrundelse. Er
specialet bestået eller opgivet, fjerner du den studerende. Gør ingen noget, lukker adgangen af
sig selv {{ENDS:none}}, og du får besked.

Se den studerende her:
{{/AS_ADMIN}}{{LINK:none}}

Venlig hilsen
Specialeportalen, Danmarks Statistik
