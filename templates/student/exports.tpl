{{%AUTOESCAPE context="HTML"}}
{{! One student's requests to take results home (issue 14; R13), for the student's own supervisor. }}
<p><a href="/studerende/sag?id={{ID}}&amp;sag={{SAG}}">Tilbage til {{NAME}}</a></p>
<h1>Hjemtagelse af resultater</h1>
<p class="font-lead">{{NAME}} beder dig om at tage resultater med hjem fra Danmarks Statistiks analyseplatform.</p>
<p>Åbn en anmodning for at hente filerne, tjekke dem efter Forskningsservices tjekliste og godkende eller afvise dem.</p>
{{#NO_REQUESTS}}<p id="ingen-anmodninger">Den studerende har ikke bedt om at hjemtage resultater endnu.</p>{{/NO_REQUESTS}}
{{#HAS_REQUESTS}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="Anmodninger">
<table class="table table-md-responsive-headers" id="anmodninger">
  <caption class="sr-only">Den studerendes anmodninger om hjemtagelse</caption>
  <thead><tr><th scope="col">Sendt</th><th scope="col">Filer</th><th scope="col">Status</th></tr></thead>
  <tbody>
  {{#REQUEST}}<tr><td data-title="Sendt"><a href="/studerende/hjemtagelse/anmodning?id={{ID}}&amp;anmodning={{REQUEST_ID}}">{{AT}}</a></td><td data-title="Filer">{{FILES}}</td><td data-title="Status">{{STATE_LABEL}}</td></tr>
  {{/REQUEST}}</tbody>
</table>
</div>{{/HAS_REQUESTS}}
