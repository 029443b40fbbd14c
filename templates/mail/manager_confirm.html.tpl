{{%AUTOESCAPE context="HTML"}}
<p>Hej {{MANAGER}}</p>
<p>{{APPLICANT}} ({{APPLICANT_EMAIL}}) søger på vegne af {{INSTITUTION}} om en uddannelsesautorisation
under Danmarks Statistiks Specialeordning og har angivet dig som personaleansvarlig leder.</p>
<p>Som personaleansvarlig leder påtager du dig ansvaret for autorisationen og fører tilsyn med, at dens
regler overholdes, herunder at alle med adgang kender reglerne for adgang til data og for hjemtagelse
af resultater.</p>
<p><a href="{{LINK}}">Læs mere og bekræft</a> (du skal ikke have en konto)</p>
<p>Linket kan bruges én gang og virker i {{DAYS}} dage. Er du ikke den rette, så gør ingenting, og
kontakt {{APPLICANT}}.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
