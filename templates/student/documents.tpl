{{%AUTOESCAPE context="HTML"}}
{{! The authorisation's documents (issue 13; R27, R33): the folder Work/Forskningshøjde/ with each student's signed Annex 1. }}
<h1>Dokumenter</h1>
<p class="font-lead">{{INSTITUTION}}, uddannelsesautorisation {{NUMBER}}.</p>
{{#ALL}}<p>Her er de underskrevne bilag 1 om forskningshøjde for alle autorisationens specialestuderende.</p>{{/ALL}}
{{#OWN}}<p>Her er de underskrevne bilag 1 for de studerende, du er vejleder for.</p>{{/OWN}}
<p>Hver gang et dokument hentes, bliver det registreret, hvem der hentede det, fordi dokumenterne indeholder personoplysninger.</p>
<h2 id="mappe"><span class="sr-only">Mappen </span>{{FOLDER}}</h2>
{{#EMPTY}}<p id="tom-mappe">Mappen er tom. Et bilag 1 kommer her, når vejlederen har uploadet det underskrevet.</p>{{/EMPTY}}
{{#HAS_FILES}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="mappe">
<table class="table table-md-responsive-headers" id="dokumenter">
  <caption class="sr-only">Filer i mappen {{FOLDER}}</caption>
  <thead><tr><th scope="col">Fil</th><th scope="col">Størrelse</th><th scope="col">Uploadet</th></tr></thead>
  <tbody>
  {{#FILE}}<tr><td data-title="Fil"><a href="/fil?id={{FILE_ID}}">{{NAME}}</a></td><td data-title="Størrelse">{{SIZE}}</td><td data-title="Uploadet">{{AT}}</td></tr>
  {{/FILE}}</tbody>
</table>
</div>
<p><a class="button button-secondary" href="/studerende/dokumenter/zip?id={{ID}}" id="hent-zip">Hent hele mappen som zip</a></p>{{/HAS_FILES}}
<p><a href="/studerende?id={{ID}}">Tilbage til de specialestuderende</a></p>
