{{%AUTOESCAPE context="HTML"}}
<p>Ny ansøgning om uddannelsesautorisation (sag {{ID}}) fra Specialeportalen.</p>
<table>
<tr><th align="left">Institution</th><td>{{INSTITUTION}}</td></tr>
<tr><th align="left">Universitet</th><td>{{UNIVERSITY}}</td></tr>
<tr><th align="left">Fakultet, institut eller center</th><td>{{UNIT}}</td></tr>
{{#OTHER}}<tr><th align="left">Beskrivelse af institutionen</th><td>{{DESCRIPTION}}</td></tr>
<tr><th align="left">Institutionens behov</th><td>{{NEED}}</td></tr>{{/OTHER}}
<tr><th align="left">Kandidatuddannelser</th><td><ul>{{#PROGRAMME}}<li>{{NAME}} (speciale {{ECTS}} ECTS)</li>{{/PROGRAMME}}</ul></td></tr>
<tr><th align="left">Personaleansvarlig leder</th><td>{{MANAGER}}, {{MANAGER_TITLE}}, {{MANAGER_EMAIL}} (bekræftet via link {{CONFIRMED_AT}})</td></tr>
<tr><th align="left">Erfarne personer</th><td><ul>{{#PERSON}}<li>{{NAME}}, {{ROLE}}, {{EMAIL}}: {{EXPERIENCE}}</li>{{/PERSON}}</ul></td></tr>
<tr><th align="left">Miljøets side</th><td>{{URL}}</td></tr>
<tr><th align="left">E-maildomæner</th><td><ul>{{#DOMAIN}}<li>{{NAME}}</li>{{/DOMAIN}}</ul></td></tr>
<tr><th align="left">Analyseplatform</th><td>{{PLATFORM}}</td></tr>
</table>
<p>Indsendt af {{APPLICANT}} ({{APPLICANT_EMAIL}}).</p>
<p><a href="{{LINK}}">Se ansøgningen</a></p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
