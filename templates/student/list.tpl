{{%AUTOESCAPE context="HTML"}}
{{! An authorisation's thesis students (issue 13; R13): a supervisor sees their own, the responsible, the administrators and FSE see all. }}
<h1>Specialestuderende</h1>
<p class="font-lead">{{INSTITUTION}}, uddannelsesautorisation {{NUMBER}}.</p>
{{#OWN_STUDENTS}}<p>Her er de studerende, du er vejleder for. Andre vejlederes studerende ser du ikke.</p>{{/OWN_STUDENTS}}
{{#ALL_STUDENTS}}<p>Her er alle autorisationens specialestuderende og deres vejledere.</p>{{/ALL_STUDENTS}}
<p>En studerende, der skal bruge mikrodata i sit speciale, tilknyttes et af autorisationens godkendte brede projekter. Vejlederen udfylder oplysningerne, henter bilag 1 om specialets forskningshøjde, underskriver det og uploader det. Derefter sender vejlederen sagen til autorisationens administratorer.</p>
<p><a href="/studerende/dokumenter?id={{ID}}">Dokumenter: de underskrevne bilag 1 (mappen Work/Forskningshøjde)</a></p>
{{#EXPORT_LOG}}<p><a href="/studerende/hjemtagelse/log?id={{ID}}">Log over hjemtagne resultater</a></p>{{/EXPORT_LOG}}
{{#CAN_CREATE}}<p><a class="button button-primary" href="/studerende/rediger?id={{ID}}">Tilknyt en ny studerende</a></p>{{/CAN_CREATE}}
{{#NO_PROJECT}}<div class="alert alert-info"><svg class="icon-svg alert-icon" aria-label="Information" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#info"></use></svg><div class="alert-body"><p class="alert-text">Autorisationen har endnu ikke et godkendt bredt projekt. En studerende kan først tilknyttes, når Forskningsservice har godkendt en projektindstilling. <a href="/projekt?id={{ID}}">Se projektindstillingerne</a>.</p></div></div>{{/NO_PROJECT}}
{{#NO_STUDENTS}}<p id="ingen-studerende">Der er ingen specialestuderende endnu.</p>{{/NO_STUDENTS}}
{{#HAS_STUDENTS}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="Specialestuderende">
<table class="table table-md-responsive-headers" id="studerende">
  <caption class="sr-only">Specialestuderende på autorisationen</caption>
  <thead><tr><th scope="col">Studerende</th><th scope="col">Status</th><th scope="col">Projekt</th><th scope="col">Vejleder</th><th scope="col">Senest ændret</th></tr></thead>
  <tbody>
  {{#STUDENT}}<tr><td data-title="Studerende"><a href="/studerende/sag?id={{ID}}&amp;sag={{SAG}}">{{NAME}}</a></td><td data-title="Status">{{STATE_LABEL}}</td><td data-title="Projekt">{{PROJECT}}</td><td data-title="Vejleder">{{SUPERVISOR}}</td><td data-title="Senest ændret">{{CHANGED}}</td></tr>
  {{/STUDENT}}</tbody>
</table>
</div>{{/HAS_STUDENTS}}
<p><a href="/autorisation">Tilbage til dine autorisationer</a></p>
