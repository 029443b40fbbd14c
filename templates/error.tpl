{{%AUTOESCAPE context="HTML"}}
{{! Error pages (400, 403, 404, 405, 413, 415, 500, 503) in the portal's design. What happened, in
    plain words, and what to do next (R31). The reference joins the user's report to our log. }}
<h1>{{HEADING}}</h1>
{{#E400}}<p class="font-lead">Det, din browser sendte, kunne ikke læses. Gå tilbage og prøv igen.</p>{{/E400}}
{{#E403}}<p class="font-lead">Du har ikke adgang til det, du prøvede at åbne eller gøre. Hvis du
mener, du burde have adgang, så kontakt den autorisationsansvarlige på din institution.</p>{{/E403}}
{{#E404}}<p class="font-lead">Vi kan ikke finde siden. Måske er adressen skrevet forkert, eller siden
er flyttet.</p>{{/E404}}
{{#E405}}<p class="font-lead">Siden kan ikke bruges på den måde. Gå til forsiden og prøv derfra.</p>{{/E405}}
{{#E413}}<p class="font-lead">Det, du prøvede at sende, er for stort. Gå tilbage, gør filen eller
teksten mindre, og prøv igen.</p>{{/E413}}
{{#E415}}<p class="font-lead">Det, du sendte, er i et format, vi ikke kan læse. Gå tilbage og prøv igen.</p>{{/E415}}
{{#E429}}<p class="font-lead">{{MESSAGE}}</p>{{/E429}}
{{#E500}}<p class="font-lead">Der skete en fejl hos os. Det, du skrev, er ikke gemt. Prøv igen om lidt.
Sker det igen, så skriv til os.</p>{{/E500}}
{{#E503}}{{#DOWN}}<p class="font-lead">Portalen kan ikke nå sine data lige nu. Det, du skrev, er ikke gemt,
men det står stadig i formularen, når du går tilbage. Prøv igen om et par minutter.</p>{{/DOWN}}
{{#BUSY}}<p class="font-lead">Andre ændrede det samme i samme øjeblik, og vi kunne ikke gemme dit, selv om
vi prøvede flere gange. Det, du skrev, er ikke gemt, men det står stadig i formularen, når du går
tilbage. Prøv igen om et øjeblik.</p>{{/BUSY}}
{{#RESEND}}<p>Du kan også sende det samme igen herfra, når der er gået et par minutter. Adgangskoder og
engangskoder er ikke med: dem skal du skrive igen.</p>
<form method="post" action="{{ACTION}}" id="send-igen">
{{#FIELD}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
{{/FIELD}}<button type="submit" class="button button-primary">Send igen</button>
</form>
<details class="mt-5"><summary>Det, du skrev</summary>
<dl>
{{#SHOWN}}<dt>{{NAME}}</dt><dd class="pre-line">{{VALUE:pre_escape}}</dd>
{{/SHOWN}}{{#FILE}}<dt>Fil</dt><dd>{{NAME}} (skal vælges igen)</dd>
{{/FILE}}</dl>
</details>{{/RESEND}}
{{#RETRY}}<p><a class="button button-primary" href="{{RETRY_URL}}">Prøv igen</a></p>{{/RETRY}}{{/E503}}
<p>Fejlkode {{STATUS}}.{{#REFERENCE}} Reference: <code>{{REQUEST_ID}}</code>.{{/REFERENCE}}
Skriv til <a href="mailto:{{FSE_MAILBOX}}">{{FSE_MAILBOX}}</a>, hvis du har brug for hjælp{{#REFERENCE}},
og nævn referencen{{/REFERENCE}}.</p>
<p><a href="/">Gå til forsiden</a></p>
