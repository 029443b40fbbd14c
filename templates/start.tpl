{{%AUTOESCAPE context="HTML"}}
{{! Start page: the scheme in plain Danish (R1-R4, R14, R18, R23-R24, R31). }}
<h1>Specialeordningen</h1>
<p class="font-lead">Med Specialeordningen kan universiteter give specialestuderende adgang til
pseudonymiserede data fra Danmarks Statistik, så specialet kan bygge på analyser af mikrodata.
Her på Specialeportalen søger institutionen om adgang, udpeger de ansvarlige og følger sine sager.</p>

<p><a class="button button-primary" href="/kan-vi-bruge-ordningen">Kan vores institution bruge ordningen?</a></p>
<p>Ved I det allerede? <a href="/ansoegning">Søg om en uddannelsesautorisation</a> (du logger ind eller opretter en konto først). Har du en rolle på en autorisation, finder du dine sager under <a href="/ansoegning">Mine sager</a>, når du er <a href="/konto/log-ind">logget ind</a>.</p>

<h2>Hvem kan bruge ordningen?</h2>
<p>Ordningen er for institutioner med kandidatuddannelser, der afsluttes med et speciale
(typisk 30-60 ECTS-point). Institutionen er et fakultet, institut eller center under et af
de otte forskningsuniversiteter:</p>
<ul>
{{#UNIVERSITY}}<li>{{NAME}}{{#HAS_AFFILIATED}} ({{AFFILIATED}}){{/HAS_AFFILIATED}}</li>
{{/UNIVERSITY}}</ul>
<p>Andre danske uddannelsesinstitutioner med kandidatuddannelser kan også søge. De sender en
beskrivelse af institutionen og af deres behov, og Forskningsservice vurderer ansøgningen
konkret.</p>

<h2>Fire krav til institutionen</h2>
<p>I ansøgningen om en uddannelsesautorisation skal institutionen vise, at den opfylder fire krav:</p>
<ol>
  <li>Institutionen har et højt og vedvarende fokus på datasikkerhed.</li>
  <li>En personaleansvarlig leder påtager sig ansvaret for autorisationen og fører tilsyn med,
  at reglerne bliver overholdt, også at alle med adgang kender reglerne for dataadgang og for
  hjemtagelse af resultater.</li>
  <li>Mindst tre personer i miljøet, vejledere medregnet, har konkret erfaring med at arbejde
  med data og store datamængder og kender Danmarks Statistiks regler for datasikkerhed godt.</li>
  <li>Miljøet er præsenteret på universitetets hjemmeside.</li>
</ol>

<h2>Sådan foregår det</h2>
<ol>
  <li>Institutionen søger om en uddannelsesautorisation her på portalen.</li>
  <li>Forskningsservice behandler ansøgningen. Du får en kvittering på e-mail med det samme.</li>
  <li>Den autorisationsansvarlige udpeger administratorer og underskrivere og tilknytter vejledere.</li>
  <li>Vejlederne indstiller op til fem brede projekter, som tilsammen dækker uddannelsens vigtigste
  emner. En underskriver bekræfter, at hvert projekt er lovligt efter databeskyttelsesforordningen.</li>
  <li>En studerende tilknyttes et af projekterne, når vejlederen har vurderet specialets
  forskningshøjde. Alle brugere skal bestå certificeringskurset, før de får adgang til data.</li>
</ol>

<h2>Hvad koster det?</h2>
<p>Data til institutionens op til fem brede projekter er gratis. En projektindstilling koster det
gebyr, Forskningsservice har fastsat på den dag, indstillingen sendes; du ser beløbet, før du
sender. Som udgangspunkt er det kun specialestuderende, der betaler brugergebyr. Personer med
særlige roller betaler ikke, medmindre de selv bruger mikrodata.</p>

<h2>Hvor lang tid tager det?</h2>
<p>Forskningsservice har som mål at behandle en ansøgning inden for {{SERVICE_DAYS}} arbejdsdage.
Du får besked på e-mail, når der er en afgørelse, eller hvis vi har brug for flere oplysninger.</p>

<h2>Kontakt</h2>
<p>Skriv til Forskningsservice på <a href="mailto:{{FSE_MAILBOX}}">{{FSE_MAILBOX}}</a>.
Skriv &quot;Vedr. ansøgning om uddannelsesautorisation&quot; i emnefeltet, hvis det handler om en ansøgning.</p>
