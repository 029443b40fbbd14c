{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>{{NEW_NAME}} ({{NEW_EMAIL}}) har taget imod rollen som autorisationsansvarlig for
uddannelsesautorisationen <strong>{{NUMBER}}</strong> hos {{INSTITUTION}}.</p>
<p>Din rolle som autorisationsansvarlig var midlertidig, fordi den personaleansvarlige leder ikke
havde en konto på Specialeportalen, da Forskningsservice godkendte ansøgningen. Den rolle er nu
ophørt. Det står i autorisationens historik.</p>
<h2>Hvad betyder det for dig?</h2>
<ul>
<li>Du kan ikke længere invitere personer til autorisationen eller tilbagekalde deres roller. Det
gør {{NEW_NAME}} nu.</li>
<li>Du kan stadig se dine sager, også ansøgningen om uddannelsesautorisationen, under
<a href="{{LINK}}">Mine sager</a>.</li>
</ul>
<p>Skal du have en anden rolle på autorisationen, fx som vejleder, så bed {{NEW_NAME}} om en
invitation. Mener du, at det er en fejl, så skriv til Forskningsservice på
{{FSE_MAILBOX}}.</p>
<p>Du skal ikke gøre andet.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
