{{%AUTOESCAPE context="HTML"}}
{{! The student's written request to take results home (issue 14; R13, R22): the form while the access is active, and the student's own requests with the supervisor's decision and the released files. }}
<h1>Hjemtag resultater</h1>
<p class="font-lead">{{INSTITUTION}}</p>
{{#NOTICE}}<div class="alert alert-{{KIND}}" role="{{ROLE}}" id="besked"><svg class="icon-svg alert-icon" aria-label="{{LABEL}}" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#{{ICON}}"></use></svg><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/NOTICE}}
{{#REFUSAL}}<div class="alert alert-warning" role="alert" id="ikke-nu"><svg class="icon-svg alert-icon" aria-label="Bemærk" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#warning"></use></svg><div class="alert-body"><p class="alert-text">{{TEXT}} <a href="/studerende/mig?id={{ID}}">Gå til Mit speciale</a>.</p></div></div>{{/REFUSAL}}
{{>ERROR_SUMMARY}}
{{#NO_CASE}}<p id="ingen-sag">Vi kan ikke finde en tilknytning til et speciale for dig her. Din vejleder tilknytter dig; spørg vejlederen, hvis du mener, det er sket.</p>{{/NO_CASE}}
{{#HAS_CASE}}<p>Du må kun tage aggregerede resultater med hjem fra Danmarks Statistiks analyseplatform: tabeller, figurer og tal, der ikke siger noget om enkeltpersoner eller enkelte virksomheder. Du beder din vejleder, {{SUPERVISOR}}, om det her. Vejlederen tjekker filerne efter Forskningsservices regler for hjemtagelse og godkender eller afviser anmodningen. Du får en e-mail, når vejlederen har gjort det, og kan derefter hente de godkendte filer her.</p>{{/HAS_CASE}}
{{#NOT_ACTIVE}}<p id="ikke-aktiv"><strong>Du kan ikke bede om at hjemtage resultater nu,</strong> fordi din adgang til projektet ikke er aktiv. <a href="/studerende/mig?id={{ID}}">Se på siden Mit speciale, hvad adgangen venter på</a>.</p>{{/NOT_ACTIVE}}
{{#FORM}}<h2 id="ny-anmodning">Bed om at hjemtage resultater</h2>
<form method="post" action="/studerende/hjemtagelse" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <p>Du kan sende op til {{MAX_FILES}} filer i én anmodning, hver på højst {{MAX_SIZE}}: tabeller som tekst (CSV eller TXT), PDF-filer eller billeder (PNG eller JPEG). Skriv for hver fil, hvad den indeholder.</p>
  {{#CHOOSE_AGAIN}}<p id="vaelg-igen"><strong>Vælg filerne igen.</strong> Det, du har skrevet, er gemt i formularen, men din browser sender ikke filerne igen af sig selv.</p>{{/CHOOSE_AGAIN}}
  {{#FILE_FIELD}}<fieldset>
    <legend class="h3">Fil {{N}}{{#MORE}} (hvis du har flere){{/MORE}}</legend>
    <div class="form-group{{#FILE_ERROR}} form-error{{/FILE_ERROR}}">
      <label class="form-label" for="fil_{{N}}">Filen</label>
      <span class="form-hint" id="fil_{{N}}-hint">CSV, TXT, PDF, PNG eller JPEG på højst {{MAX_SIZE}}.</span>
      {{#FILE_ERROR}}<span class="form-error-message" id="fil_{{N}}-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/FILE_ERROR}}
      <input class="form-input" type="file" id="fil_{{N}}" name="fil_{{N}}" accept=".csv,.txt,text/csv,text/plain,application/pdf,image/png,image/jpeg" aria-describedby="fil_{{N}}-hint{{#FILE_ERROR}} fil_{{N}}-error{{/FILE_ERROR}}"{{#FILE_ERROR}} aria-invalid="true"{{/FILE_ERROR}}>
    </div>
    <div class="form-group{{#CONTENTS_ERROR}} form-error{{/CONTENTS_ERROR}}">
      <label class="form-label" for="indhold_{{N}}">Hvad indeholder filen?</label>
      <span class="form-hint" id="indhold_{{N}}-hint">Fx hvilke tabeller eller figurer, hvilke variable, og hvad tallene er opgjort på (antal personer i hver celle).</span>
      {{#CONTENTS_ERROR}}<span class="form-error-message" id="indhold_{{N}}-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/CONTENTS_ERROR}}
      <textarea class="form-input" id="indhold_{{N}}" name="indhold_{{N}}" rows="3" aria-describedby="indhold_{{N}}-hint{{#CONTENTS_ERROR}} indhold_{{N}}-error{{/CONTENTS_ERROR}}"{{#CONTENTS_ERROR}} aria-invalid="true"{{/CONTENTS_ERROR}}>{{CONTENTS:pre_escape}}</textarea>
    </div>
  </fieldset>{{/FILE_FIELD}}
  <div class="form-group{{#AGGREGATED_ERROR}} form-error{{/AGGREGATED_ERROR}}">
    {{#AGGREGATED_ERROR}}<span class="form-error-message" id="aggregeret-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/AGGREGATED_ERROR}}
    <div class="form-group-checkbox">
      <input class="form-checkbox" type="checkbox" id="aggregeret" name="aggregeret" value="ja"{{#AGGREGATED_CHECKED}} checked{{/AGGREGATED_CHECKED}}{{#AGGREGATED_ERROR}} aria-invalid="true" aria-describedby="aggregeret-error"{{/AGGREGATED_ERROR}}>
      <label class="form-label" for="aggregeret">Jeg bekræfter, at filerne kun indeholder aggregerede resultater og ingen oplysninger om enkeltpersoner eller enkelte virksomheder</label>
    </div>
  </div>
  <button type="submit" class="button button-primary">Send anmodningen til din vejleder</button>
</form>{{/FORM}}
{{#HAS_CASE}}<h2 id="anmodninger">Dine anmodninger</h2>{{/HAS_CASE}}
{{#NO_REQUESTS}}<p id="ingen-anmodninger">Du har ikke bedt om at hjemtage resultater endnu.</p>{{/NO_REQUESTS}}
{{#HAS_REQUESTS}}<ul class="nobullet-list" id="anmodninger-liste">
{{#REQUEST}}<li id="anmodning-{{REQUEST_ID}}">
  <h3>Sendt {{AT}}: {{STATE_LABEL}}</h3>
  <ul>
  {{#FILE}}<li><strong>{{NAME}}</strong> ({{SIZE}}): <span class="pre-line">{{CONTENTS:pre_escape}}</span></li>
  {{/FILE}}</ul>
  {{#WAITING}}<p>Din vejleder har anmodningen og tjekker filerne. Du får en e-mail, når vejlederen har besluttet.</p>{{/WAITING}}
  {{#APPROVED}}<p>Godkendt {{AT}} af {{BY}}.{{#NOTE}} Vejlederens note: <span class="pre-line">{{TEXT:pre_escape}}</span>{{/NOTE}}</p>
  <p>Hent de godkendte filer:</p>
  <ul>
  {{#RELEASED}}<li><a href="/studerende/hjemtagelse/fil?id={{ID}}&amp;anmodning={{REQUEST_ID}}&amp;fil={{FILE_ID}}">{{NAME}}</a> ({{SIZE}}, kontrolsum SHA-256 <code>{{SHA256}}</code>)</li>
  {{/RELEASED}}</ul>{{/APPROVED}}
  {{#REFUSED}}<p>Afvist {{AT}} af {{BY}}.{{#NOTE}} Begrundelsen er: <span class="pre-line">{{TEXT:pre_escape}}</span>{{/NOTE}}</p>
  <p>Ret filerne efter begrundelsen, og send en ny anmodning, hvis du stadig vil hjemtage resultaterne.</p>{{/REFUSED}}
</li>
{{/REQUEST}}</ul>{{/HAS_REQUESTS}}
<p><a href="/studerende/mig?id={{ID}}">Tilbage til Mit speciale</a></p>
