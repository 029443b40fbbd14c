{{%AUTOESCAPE context="HTML"}}
{{! The user agreement (R15): the current version, the older ones with how many accepted each, and the form for a new version. }}
<h1>Brugeraftalen</h1>
<p class="font-lead">Alle studerende skal acceptere brugeraftalen, før de kan arbejde med data. Når I offentliggør en ny udgave, skal de acceptere den igen.</p>
{{#PUBLISHED}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">Den nye udgave er offentliggjort. De studerende bliver bedt om at acceptere den, næste gang de åbner deres side.</p></div></div>{{/PUBLISHED}}
{{>ERROR_SUMMARY}}
{{#NONE}}<p id="ingen-aftale">Der er ikke offentliggjort en brugeraftale endnu. De studerende kan ikke acceptere den, før I har gjort det.</p>{{/NONE}}
{{#CURRENT}}<h2 id="gaeldende">Gældende udgave {{VERSION}}</h2>
<p>Offentliggjort {{AT}} af {{BY}}. Accepteret af {{ACCEPTED}}.</p>
<div class="pre-line" id="aftaletekst">{{TEXT:pre_escape}}</div>{{/CURRENT}}
{{#PUBLISH}}<h2 id="ny-udgave">Offentliggør en ny udgave</h2>
<form method="post" action="/fse/brugeraftale" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <div class="form-group{{#TEXT_ERROR}} form-error{{/TEXT_ERROR}}">
    <label class="form-label" for="tekst">Brugeraftalens tekst</label>
    <span class="form-hint" id="tekst-hint">Hele teksten, som de studerende skal læse og acceptere. Den kan ikke rettes bagefter; en ændring er en ny udgave.</span>
    {{#TEXT_ERROR}}<span class="form-error-message" id="tekst-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/TEXT_ERROR}}
    <textarea class="form-input" id="tekst" name="tekst" rows="12" aria-describedby="tekst-hint{{#TEXT_ERROR}} tekst-error{{/TEXT_ERROR}}"{{#TEXT_ERROR}} aria-invalid="true"{{/TEXT_ERROR}}>{{VALUE_tekst:pre_escape}}</textarea>
  </div>
  <button type="submit" class="button button-primary">Offentliggør</button>
</form>{{/PUBLISH}}
{{#HAS_OLD}}<h2 id="tidligere">Tidligere udgaver</h2>
<ul>
{{#OLD}}<li>Udgave {{VERSION}}, offentliggjort {{AT}} af {{BY}}, accepteret af {{ACCEPTED}}.</li>
{{/OLD}}</ul>{{/HAS_OLD}}
<p><a href="/fse">Tilbage til Forskningsservice</a></p>
