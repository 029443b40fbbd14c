{{%AUTOESCAPE context="HTML"}}
<h1>Mine autorisationer</h1>
{{#NOTICE_ACCEPTED}}<div class="alert alert-success" role="status"><svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg><div class="alert-body"><p class="alert-text">Du har taget imod rollen. Den står nu på listen.</p></div></div>{{/NOTICE_ACCEPTED}}
{{#INVITATION}}<div class="alert alert-info"><svg class="icon-svg alert-icon" aria-label="Information" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#info"></use></svg><div class="alert-body"><p class="alert-text">{{INVITED_BY}} har inviteret dig som {{ROLE}} hos {{INSTITUTION}}. Åbn linket i e-mailen for at tage imod.</p></div></div>
{{/INVITATION}}
{{#NONE}}<p>Du har ingen roller på en uddannelsesautorisation endnu. Den autorisationsansvarlige på din institution kan invitere dig.</p>{{/NONE}}
{{#HAS_ANY}}<table class="table table-md-responsive-headers">
  <caption class="sr-only">Autorisationer</caption>
  <thead><tr><th scope="col">Autorisation</th><th scope="col">Institution</th><th scope="col">Dine roller</th><th scope="col"><span class="sr-only">Handling</span></th></tr></thead>
  <tbody>
  {{#AUTHORISATION}}<tr><td data-title="Autorisation">{{NUMBER}}</td><td data-title="Institution">{{INSTITUTION}}</td><td data-title="Dine roller">{{ROLES}}</td><td data-title=""><a href="/autorisation/roller?id={{ID}}">Roller og historik<span class="sr-only"> for {{INSTITUTION}}</span></a>{{#PROJECTS}}<br><a href="/projekt?id={{ID}}">Projektindstillinger og gebyrer<span class="sr-only"> for {{INSTITUTION}}</span></a>{{/PROJECTS}}{{#STUDENTS}}<br><a href="/studerende?id={{ID}}">Specialestuderende<span class="sr-only"> for {{INSTITUTION}}</span></a>{{/STUDENTS}}{{#SELF}}<br><a href="/studerende/mig?id={{ID}}">Mit speciale<span class="sr-only"> hos {{INSTITUTION}}</span></a>{{/SELF}}{{#DATAMANAGERS}}<br><a href="/autorisation/datamanager?id={{ID}}">Datamanagernes brugeradgang<span class="sr-only"> for {{INSTITUTION}}</span></a>{{/DATAMANAGERS}}</td></tr>
  {{/AUTHORISATION}}</tbody>
</table>{{/HAS_ANY}}
