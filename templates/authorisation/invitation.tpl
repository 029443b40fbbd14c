{{%AUTOESCAPE context="HTML"}}
<h1>Invitation</h1>
{{#INVALID}}<p class="font-lead">Invitationen er allerede taget imod, eller den er udløbet.</p>
<p>En invitation virker i 7 dage. {{#INVALID_RESPONSIBLE}}Rollen som autorisationsansvarlig gives af Forskningsservice: skriv til Forskningsservice, så sender de en ny invitation.{{/INVALID_RESPONSIBLE}}{{#INVALID_OTHER}}Bed den autorisationsansvarlige om en ny.{{/INVALID_OTHER}}</p>{{/INVALID}}
{{#VALID}}
<p class="font-lead">{{INVITER}} har inviteret {{EMAIL}} til rollen som {{ROLE}} hos {{INSTITUTION}}.</p>
{{#HANDOVER}}<p>Forskningsservice har godkendt institutionens ansøgning om uddannelsesautorisation, og du er angivet som den personaleansvarlige leder. Indtil nu har ansøgeren, {{APPLICANT}}, været autorisationsansvarlig. Når du tager imod, bliver du autorisationsansvarlig, og ansøgerens midlertidige rolle som autorisationsansvarlig ophører. Ansøgeren får besked om det på e-mail.</p>{{/HANDOVER}}
{{#RESPONSIBLE}}<p>Rollen som autorisationsansvarlig gives af Forskningsservice. Når du tager imod, står du inde for autorisationen og ser til, at reglerne for adgang til data og hjemtagelse af resultater bliver overholdt.</p>{{/RESPONSIBLE}}
{{#PROBLEM}}<div class="alert alert-error" role="alert"><svg class="icon-svg alert-icon" aria-label="Fejl" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#error"></use></svg><div class="alert-body"><p class="alert-text">{{MESSAGE}}</p></div></div>{{/PROBLEM}}
{{#LOGIN_FIRST}}<p>For at tage imod skal du være logget ind med {{EMAIL}}. Når du har logget ind, kommer du tilbage hertil. Har du ikke en konto, så opret en med den adresse, og åbn derefter linket i e-mailen igen.</p>
<p><a class="button button-primary" href="/konto/log-ind?tilbage=%2Fautorisation%2Finvitation%3Ftoken%3D{{TOKEN}}">Log ind</a> <a class="button button-secondary" href="/konto/opret">Opret en konto</a></p>{{/LOGIN_FIRST}}
{{#CAN_ACCEPT}}<form method="post" action="/autorisation/invitation">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="token" value="{{TOKEN}}">
  <button type="submit" class="button button-primary">Tag imod rollen</button>
</form>{{/CAN_ACCEPT}}
{{/VALID}}
