{{%AUTOESCAPE context="HTML"}}
{{! FSE's checklist for results taken home (R22): the current version, the older ones with how many approvals were checked against each, and the form for a new version. }}
<h1>Regler for hjemtagelse</h1>
<p class="font-lead">Når en specialestuderende beder om at tage resultater med hjem, tjekker vejlederen filerne efter denne tjekliste og sætter flueben ved hvert punkt, før filerne kan godkendes. Når I offentliggør en ny udgave, gælder den for de anmodninger, vejlederne tjekker fra nu af.</p>
{{#PUBLISHED}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">Den nye udgave er offentliggjort. Vejlederne tjekker filer efter den fra nu af.</p></div></div>{{/PUBLISHED}}
{{>ERROR_SUMMARY}}
{{#NONE}}<p id="ingen-regler">Der er ikke offentliggjort en tjekliste endnu. Vejlederne kan ikke godkende hjemtagelser, før I har gjort det.</p>{{/NONE}}
{{#CURRENT}}<h2 id="gaeldende">Gældende udgave {{VERSION}}</h2>
<p>Offentliggjort {{AT}} af {{BY}}. Godkendte hjemtagelser tjekket efter denne udgave: {{APPROVALS}}.</p>
<ol id="punkter">
{{#ITEM}}<li>{{TEXT}}</li>
{{/ITEM}}</ol>{{/CURRENT}}
{{#PUBLISH}}<h2 id="ny-udgave">Offentliggør en ny udgave</h2>
<form method="post" action="/fse/hjemtagelsesregler" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <div class="form-group{{#TEXT_ERROR}} form-error{{/TEXT_ERROR}}">
    <label class="form-label" for="tekst">Tjeklisten</label>
    <span class="form-hint" id="tekst-hint">Ét punkt på hver linje, højst 30 punkter og 400 tegn i hvert. Tomme linjer springes over. Udgaven kan ikke rettes bagefter; en ændring er en ny udgave.</span>
    {{#TEXT_ERROR}}<span class="form-error-message" id="tekst-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/TEXT_ERROR}}
    <textarea class="form-input" id="tekst" name="tekst" rows="12" aria-describedby="tekst-hint{{#TEXT_ERROR}} tekst-error{{/TEXT_ERROR}}"{{#TEXT_ERROR}} aria-invalid="true"{{/TEXT_ERROR}}>{{VALUE_tekst:pre_escape}}</textarea>
  </div>
  <button type="submit" class="button button-primary">Offentliggør</button>
</form>{{/PUBLISH}}
{{#HAS_OLD}}<h2 id="tidligere">Tidligere udgaver</h2>
<ul>
{{#OLD}}<li>Udgave {{VERSION}}, offentliggjort {{AT}} af {{BY}}, {{APPROVALS}} godkendte hjemtagelser tjekket efter den:
<ol>
{{#ITEM}}<li>{{TEXT}}</li>
{{/ITEM}}</ol></li>
{{/OLD}}</ul>{{/HAS_OLD}}
<p><a href="/fse">Tilbage til Forskningsservice</a></p>
