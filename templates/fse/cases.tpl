{{%AUTOESCAPE context="HTML"}}
{{! The FSE queue (GET /fse/sager, issues 5 and 6): every case waiting for a decision,
    applications for an education authorisation and project proposals alike, oldest first, with
    its age in working days (lib/workdays: weekdays less the days the state is closed). }}
<h1>Sager, der venter på en afgørelse</h1>
<p class="font-lead">Ansøgninger om uddannelsesautorisation og projektindstillinger, med den ældste
først. Alderen er i arbejdsdage (mandag til fredag, helligdage trukket fra).</p>
{{#EMPTY}}<p id="sagsliste">Der er ingen sager, der venter.</p>{{/EMPTY}}
{{#HAS_ROWS}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="sagsliste-titel">
<table class="table table--compact table--zebra" id="sagsliste">
  <caption id="sagsliste-titel">Sager, der venter, ældste først ({{COUNT}})</caption>
  <thead><tr>
    <th scope="col">Sag</th>
    <th scope="col">Type</th>
    <th scope="col">Titel og institution</th>
    <th scope="col">Ansøger</th>
    <th scope="col">Indsendt</th>
    <th scope="col">Alder</th>
  </tr></thead>
  <tbody>
  {{#ROW}}<tr id="sag-{{ID}}">
    <th scope="row"><a href="/fse/sag?id={{ID}}">Sag {{ID}}</a></th>
    <td>{{TYPE}}</td>
    <td>{{TITLE}}<br><span class="font-size-sm">{{UNIVERSITY}}</span></td>
    <td>{{APPLICANT}}<br><span class="font-size-sm">{{APPLICANT_EMAIL}}</span></td>
    <td>{{SUBMITTED}}</td>
    <td id="alder-{{ID}}">{{AGE}} {{#ONE_DAY}}arbejdsdag{{/ONE_DAY}}{{#DAYS}}arbejdsdage{{/DAYS}}</td>
  </tr>
  {{/ROW}}</tbody>
</table>
</div>{{/HAS_ROWS}}
<p class="mt-6"><a href="/fse">Tilbage til Forskningsservices sider</a></p>
