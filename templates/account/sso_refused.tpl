{{%AUTOESCAPE context="HTML"}}
{{! GET /konto/sso (issue 3): the service provider in front logged the person in, but the address
    it names cannot log in here. Nothing is created from a single sign-on: an account comes from
    registering with the institutional address or from an invitation (R6). }}
{{#NO_ACCOUNT}}<h1>Adressen har ingen konto</h1>
<p class="font-lead">Du er logget ind hos din institution som <strong>{{EMAIL}}</strong>, men der er
ingen konto på Specialeportalen med den e-mailadresse.</p>
<p>Sådan får du en konto:</p>
<ul>
  <li>Er du ansat på en institution, så <a href="/konto/opret">opret en konto</a> med din
  e-mailadresse fra institutionen. Bekræft adressen med linket i den mail, vi sender, og kom så
  tilbage hertil.</li>
  <li>Er du specialestuderende eller vejleder, får du en invitation på e-mail fra den
  autorisationsansvarlige på din institution. Kontakt vedkommende, hvis du mangler den.</li>
  <li>Har du en konto med en anden e-mailadresse, så <a href="/konto/log-ind">log ind med den og
  din adgangskode</a>.</li>
</ul>{{/NO_ACCOUNT}}
{{#NOT_VERIFIED}}<h1>Adressen er ikke bekræftet endnu</h1>
<p class="font-lead">Der er en konto med <strong>{{EMAIL}}</strong>, men adressen er ikke bekræftet.
Klik på linket i den mail, vi sendte, da kontoen blev oprettet.</p>
<p>Kan du ikke finde mailen, så <a href="/konto/log-ind">log ind med din adgangskode</a>: så sender vi
et nyt link.</p>{{/NOT_VERIFIED}}
{{#DISABLED}}<h1>Kontoen er lukket</h1>
<p class="font-lead">Kontoen med <strong>{{EMAIL}}</strong> er lukket og kan ikke bruges til at logge
ind.</p>{{/DISABLED}}
<p>Skriv til <a href="mailto:{{FSE_MAILBOX}}">{{FSE_MAILBOX}}</a>, hvis du har brug for hjælp.</p>
