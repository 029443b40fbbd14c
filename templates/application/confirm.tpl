{{%AUTOESCAPE context="HTML"}}
{{! The personnel-responsible manager's confirmation (issue 5; R4.2): public, by a single-use link. }}
<h1>Bekræftelse som personaleansvarlig leder</h1>
{{>CAP_REFUSED}}
{{#INVALID}}<p class="font-lead">Linket er allerede brugt, eller det er udløbet.</p>
<p>Et link virker én gang og i 14 dage. Bed ansøgeren sende et nyt fra ansøgningen på Specialeportalen.</p>{{/INVALID}}
{{#DONE}}<div class="alert alert-success" role="status"><div class="alert-body"><h2 class="alert-heading">Tak, din bekræftelse er registreret</h2><p class="alert-text">Ansøgeren kan nu sende ansøgningen til Forskningsservice i Danmarks Statistik. Du behøver ikke gøre mere.</p></div></div>{{/DONE}}
{{#VALID}}
<p class="font-lead">{{APPLICANT}} ({{APPLICANT_EMAIL}}) søger om en uddannelsesautorisation for {{INSTITUTION}} og har angivet dig, {{MANAGER}} ({{MANAGER_EMAIL}}), som personaleansvarlig leder.</p>
<h2>Det bekræfter du</h2>
<p>Som personaleansvarlig leder påtager du dig ansvaret for autorisationen og fører tilsyn med, at dens regler overholdes, herunder at alle med adgang kender reglerne for adgang til data og for hjemtagelse af resultater.</p>
<form method="post" action="/ansoegning/bekraeft">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="token" value="{{TOKEN}}">
  <button type="submit" class="button button-primary">Jeg bekræfter ansvaret</button>
</form>
<p>Er du ikke den rette, så luk siden, og kontakt ansøgeren.</p>
{{/VALID}}
