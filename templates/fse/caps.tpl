{{%AUTOESCAPE context="HTML"}}
{{! The accounts and addresses that hit a cap (issue 16): from the audit events cap.refused. }}
<h1>Grænser, der er ramt</h1>
<p class="font-lead">Portalen sætter grænser for, hvor meget én person eller én netværksadresse kan oprette, sende og uploade. Her er dem, der har ramt en grænse inden for de seneste {{DAYS}} dage, nyeste først.</p>
<p>Mange afvisninger på kort tid kan betyde, at en konto er misbrugt. Er det en rigtig bruger, der har brug for mere, kan grænsen hæves i portalens opsætning (se README).</p>
{{#NONE}}<p id="ingen-graenser">Ingen har ramt en grænse i perioden.</p>{{/NONE}}
{{#SOME}}<table class="table table-md-responsive-headers table--compact table--zebra" id="graenser">
  <caption>Afvisninger pr. person eller adresse og grænse</caption>
  <thead><tr><th scope="col">Hvem</th><th scope="col">Grænse</th><th scope="col">Afvist</th><th scope="col">Første gang</th><th scope="col">Seneste gang</th></tr></thead>
  <tbody>
  {{#ROW}}<tr><td data-title="Hvem">{{#PERSON}}{{NAME}} ({{EMAIL}}){{/PERSON}}{{#ADDRESS}}Ikke logget ind, adresse {{ADDR}}{{/ADDRESS}}</td><td data-title="Grænse">{{CAP}}</td><td data-title="Afvist">{{TIMES}} gange</td><td data-title="Første gang">{{FIRST}}</td><td data-title="Seneste gang">{{LAST}}</td></tr>
  {{/ROW}}</tbody>
</table>{{/SOME}}
