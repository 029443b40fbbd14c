{{%AUTOESCAPE context="HTML"}}
{{! The outbox for FSE staff (GET /fse/post, issue 4): counts per state with what each state means,
    a filter (a GET form: it changes nothing and can be linked to), the newest mails, and a
    "Send igen" form (POST with the CSRF token) on each dead one. Times are Danish time. }}
<h1>Post fra portalen</h1>
<p class="font-lead">Portalen sender alle sine mails gennem en kø, så ingen mail går tabt, hvis en
mailserver er nede. Her kan du se, hvordan det går med dem, og sende en mail igen, som ikke blev
leveret.</p>
{{#NOTICE_RETRIED}}<div class="alert alert-success" role="status" id="besked">
  <svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg>
  <div class="alert-body">
    <p class="alert-text">Mail nr. {{ID}} er sat i kø igen. Portalen prøver at sende den med det
    samme. Bliver den afvist igen, står den igen som ikke leveret med den nye fejl.</p>
  </div>
</div>{{/NOTICE_RETRIED}}
{{>ERROR_SUMMARY}}
{{#HAS_DEAD}}<div class="alert alert-warning">
  <svg class="icon-svg alert-icon" aria-label="Advarsel" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#warning"></use></svg>
  <div class="alert-body">
    <p class="alert-text">Ikke leveret: {{DEAD}}. Modtagerne har ikke fået disse mails.
    <a href="/fse/post?tilstand=dead">Vis kun mails, der ikke er leveret</a>.</p>
  </div>
</div>{{/HAS_DEAD}}

<h2>Overblik</h2>
<table class="table table-md-responsive-headers table--compact" id="overblik">
  <caption>Antal mails i hver tilstand, og hvad tilstanden betyder</caption>
  <thead><tr><th scope="col">Tilstand</th><th scope="col">Antal</th><th scope="col">Det betyder det</th></tr></thead>
  <tbody>
    <tr><th data-title="Tilstand" scope="row"><a href="/fse/post?tilstand=queued">I kø</a></th><td data-title="Antal" id="antal-queued">{{COUNT_QUEUED}}</td>
      <td data-title="Det betyder det">Mailen venter på at blive sendt. Det sker normalt inden for et minut.</td></tr>
    <tr><th data-title="Tilstand" scope="row"><a href="/fse/post?tilstand=deferred">Udsat</a></th><td data-title="Antal" id="antal-deferred">{{COUNT_DEFERRED}}</td>
      <td data-title="Det betyder det">Modtagerens mailserver kunne ikke nås eller bad os prøve igen senere. Portalen prøver
      selv igen, første gang efter {{RETRY_FIRST}} og derefter sjældnere, højst med {{RETRY_MAX}}s
      mellemrum. Lykkes det ikke inden for {{GIVE_UP}}, opgiver portalen.</td></tr>
    <tr><th data-title="Tilstand" scope="row"><a href="/fse/post?tilstand=dead">Ikke leveret</a></th><td data-title="Antal" id="antal-dead">{{COUNT_DEAD}}</td>
      <td data-title="Det betyder det">Mailen blev aldrig leveret, og modtageren har ikke fået den. Enten afviste modtagerens
      mailserver den, eller portalen opgav efter {{GIVE_UP}}. Portalen prøver ikke selv igen.</td></tr>
    <tr><th data-title="Tilstand" scope="row"><a href="/fse/post?tilstand=sent">Sendt</a></th><td data-title="Antal" id="antal-sent">{{COUNT_SENT}}</td>
      <td data-title="Det betyder det">Modtagerens mailserver har taget imod mailen.</td></tr>
  </tbody>
</table>

<h2 id="mails">Mails</h2>
<form method="get" action="/fse/post" novalidate class="mb-5">
  <div class="form-group{{#ERROR_tilstand}} form-error{{/ERROR_tilstand}}">
    <label class="form-label" for="tilstand">Vis mails, der er</label>
    {{#ERROR_tilstand}}<span class="form-error-message" id="tilstand-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_tilstand}}
    <select class="form-select" name="tilstand" id="tilstand"{{#ERROR_tilstand}} aria-invalid="true" aria-describedby="tilstand-error"{{/ERROR_tilstand}}>
      <option value=""{{#SELECTED_DEFAULT}} selected{{/SELECTED_DEFAULT}}>Ikke sendt endnu (i kø, udsat eller ikke leveret)</option>
      {{#FILTER}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
      {{/FILTER}}
    </select>
  </div>
  <button type="submit" class="button button-secondary">Vis</button>
</form>
<p>»Send igen« sætter en mail, der ikke blev leveret, i kø igen med det samme. Den sendes med
samme indhold, og portalen prøver igen i op til {{GIVE_UP}}, som var den ny. Brug den, når årsagen
til fejlen er væk, fx når modtagerens postkasse ikke længere er fuld. Er adressen forkert, hjælper
det ikke at sende igen.</p>
{{#EMPTY}}<p id="postliste">{{CAPTION}}: ingen.</p>{{/EMPTY}}
{{#HAS_ROWS}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="postliste-titel">
<table class="table table-md-responsive-headers table--compact table--zebra" id="postliste">
  <caption id="postliste-titel">{{CAPTION}}, nyeste først ({{SHOWN}} vist{{#LIMITED}}: kun de {{LIMIT}} nyeste{{/LIMITED}})</caption>
  <thead><tr>
    <th scope="col">Nr.</th>
    <th scope="col">Tilstand</th>
    <th scope="col">Modtager</th>
    <th scope="col">Emne</th>
    <th scope="col">Seneste fejl</th>
    <th scope="col">Forsøg</th>
    <th scope="col">Næste forsøg</th>
    <th scope="col">Oprettet</th>
    <th scope="col">Slags</th>
  </tr></thead>
  <tbody>
  {{! The most needed columns first: the page is narrower than the table, which scrolls. }}
  {{#ROW}}<tr id="mail-{{ID}}">
    <th data-title="Nr." scope="row">{{ID}}</th>
    <td data-title="Tilstand"><span class="badge {{STATE_BADGE}}">{{STATE_LABEL}}</span>
    {{#RETRY}}<form method="post" action="/fse/post/igen" class="mt-3">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="id" value="{{ID}}">
      {{#KEEP_STATE}}<input type="hidden" name="tilstand" value="{{STATE}}">{{/KEEP_STATE}}
      <button type="submit" class="button button-secondary">Send igen<span class="sr-only"> mail nr. {{ID}}</span></button>
    </form>{{/RETRY}}</td>
    <td data-title="Modtager">{{TO}}</td>
    <td data-title="Emne">{{SUBJECT}}</td>
    <td data-title="Seneste fejl">{{#ERROR}}{{TEXT}}{{/ERROR}}{{#NO_ERROR}}Ingen{{/NO_ERROR}}</td>
    <td data-title="Forsøg">{{ATTEMPTS}}</td>
    <td data-title="Næste forsøg">{{NEXT}}</td>
    <td data-title="Oprettet">{{CREATED}}</td>
    <td data-title="Slags">{{KIND}}</td>
  </tr>
  {{/ROW}}</tbody>
</table>
</div>{{/HAS_ROWS}}
<p class="mt-6"><a href="/fse">Tilbage til Forskningsservices sider</a></p>
