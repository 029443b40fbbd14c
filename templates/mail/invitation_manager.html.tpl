{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Danmarks Statistiks Forskningsservice har godkendt ansøgningen om uddannelsesautorisation for
{{INSTITUTION}}. Autorisationens nummer er <strong>{{NUMBER}}</strong>.</p>
<p>I ansøgningen er du angivet som den personaleansvarlige leder. Det er dig, der skal være
autorisationsansvarlig: du står inde for autorisationen og ser til, at reglerne for adgang til data
og hjemtagelse af resultater bliver overholdt.{{#CAN}} Som {{ROLE}} kan du {{WHAT}}.{{/CAN}}</p>
<p>Du har endnu ingen konto på Specialeportalen. Indtil du overtager rollen, er ansøgeren,
{{APPLICANT}}, autorisationsansvarlig.</p>
<h2>Sådan overtager du rollen</h2>
<ol>
<li>Åbn <a href="{{LINK}}">invitationen</a>.</li>
<li>Opret en konto med denne e-mailadresse, eller log ind, hvis du har fået en i mellemtiden.</li>
<li>Åbn linket igen, og vælg "Tag imod rollen".</li>
</ol>
<p>Når du har taget imod, er du autorisationsansvarlig, og ansøgerens rolle ophører. Som
autorisationsansvarlig skal du logge ind med en engangskode fra en app; portalen viser dig, hvordan
du sætter den op.</p>
<p>Linket virker i {{INVITE_DAYS}} dage. Er det udløbet, så skriv til Forskningsservice.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
