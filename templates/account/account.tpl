{{%AUTOESCAPE context="HTML"}}
<h1>Min konto</h1>
{{#NOTICE_TOTP}}<div class="alert alert-success" role="status"><svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg><div class="alert-body"><p class="alert-text">To-trins-login er slået til. Næste gang du logger ind, skal du også skrive koden fra appen.</p></div></div>{{/NOTICE_TOTP}}
{{#TOTP_REQUIRED}}<div class="alert alert-warning" role="alert"><svg class="icon-svg alert-icon" aria-label="Advarsel" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#warning"></use></svg><div class="alert-body"><h2 class="alert-heading">Slå to-trins-login til</h2><p class="alert-text">Din rolle giver adgang til data, så du skal bruge to-trins-login. <a href="/konto/totp">Slå det til nu</a>. Det tager et par minutter.</p></div></div>{{/TOTP_REQUIRED}}
<h2>Det kan du her</h2>
<ul>
  <li><a href="/ansoegning">Mine sager</a>: ansøgninger, kladder og det, der venter på dig</li>
  <li><a href="/autorisation">Mine autorisationer</a>: roller, invitationer og historik</li>
  {{#FSE_LINK}}<li><a href="/fse">Forskningsservice</a>: sager og post</li>{{/FSE_LINK}}
</ul>
<h2>Dine oplysninger</h2>
<dl>
  <dt>Navn</dt><dd>{{NAME}}</dd>
  <dt>E-mailadresse</dt><dd>{{EMAIL}}</dd>
  <dt>FSE bruger-id</dt><dd>{{FSE_USER_ID}}</dd>
  <dt>Certificeringskursus</dt><dd id="certificering">{{CERTIFIED}}</dd>
  <dt>To-trins-login</dt><dd>{{#TOTP_ON}}Slået til{{/TOTP_ON}}{{#TOTP_OFF}}Ikke slået til. <a href="/konto/totp">Slå to-trins-login til</a>{{/TOTP_OFF}}</dd>
</dl>
<h2>Dine roller</h2>
{{#NO_ROLES}}<p>Du har ingen roller endnu. En autorisationsansvarlig kan invitere dig til en rolle, eller du kan <a href="/ansoegning">søge om en uddannelsesautorisation</a> for din institution.</p>{{/NO_ROLES}}
{{#HAS_ROLES}}<table class="table table-md-responsive-headers">
  <caption class="sr-only">Dine roller</caption>
  <thead><tr><th scope="col">Rolle</th><th scope="col">Institution</th><th scope="col">Autorisation</th><th scope="col">Siden</th></tr></thead>
  <tbody>
  {{#ROLE}}<tr><td data-title="Rolle">{{ROLE}}</td><td data-title="Institution">{{INSTITUTION}}</td><td data-title="Autorisation">{{AUTHORISATION}}</td><td data-title="Siden">{{GRANTED}}</td></tr>
  {{/ROLE}}</tbody>
</table>{{/HAS_ROLES}}
