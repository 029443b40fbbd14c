{{%AUTOESCAPE context="HTML"}}
{{! The FSE queue (GET /fse/sager, issue 5): submitted applications for an education
    authorisation, oldest first, with their age in working days (Monday to Friday; public holidays
    are not left out). }}
<h1>Ansøgninger om uddannelsesautorisation</h1>
<p class="font-lead">Ansøgninger, der venter på en afgørelse, med den ældste først. Alderen er i
arbejdsdage (mandag til fredag; helligdage er ikke trukket fra).</p>
{{#EMPTY}}<p id="sagsliste">Der er ingen ansøgninger, der venter.</p>{{/EMPTY}}
{{#HAS_ROWS}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="sagsliste-titel">
<table class="table table--compact table--zebra" id="sagsliste">
  <caption id="sagsliste-titel">Indsendte ansøgninger, ældste først ({{COUNT}})</caption>
  <thead><tr>
    <th scope="col">Sag</th>
    <th scope="col">Institution</th>
    <th scope="col">Ansøger</th>
    <th scope="col">Indsendt</th>
    <th scope="col">Alder</th>
  </tr></thead>
  <tbody>
  {{#ROW}}<tr id="sag-{{ID}}">
    <th scope="row"><a href="/fse/sag?id={{ID}}">Sag {{ID}}</a></th>
    <td>{{TITLE}}<br><span class="font-size-sm">{{UNIVERSITY}}</span></td>
    <td>{{APPLICANT}}<br><span class="font-size-sm">{{APPLICANT_EMAIL}}</span></td>
    <td>{{SUBMITTED}}</td>
    <td id="alder-{{ID}}">{{AGE}} {{#ONE_DAY}}arbejdsdag{{/ONE_DAY}}{{#DAYS}}arbejdsdage{{/DAYS}}</td>
  </tr>
  {{/ROW}}</tbody>
</table>
</div>{{/HAS_ROWS}}
<p class="mt-6"><a href="/fse">Tilbage til Forskningsservices sider</a></p>
