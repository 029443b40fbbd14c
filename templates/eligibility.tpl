{{%AUTOESCAPE context="HTML"}}
{{! Eligibility check (R1-R3). A GET form: the answer changes nothing and can be linked to.
    novalidate: the server's messages, next to each field, are the ones the user sees. }}
<h1>Kan vores institution bruge ordningen?</h1>
<p class="font-lead">Svar på to spørgsmål, så fortæller vi, om jeres institution kan bruge
Specialeordningen, og hvad I skal gøre nu.</p>
{{>ERROR_SUMMARY}}
{{#RESULT}}
<section id="resultat" aria-labelledby="resultat-overskrift">
{{#RESULT_YES}}
<div class="alert alert-success">
  <svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg>
  <div class="alert-body">
    <h2 class="alert-heading" id="resultat-overskrift">Ja, I kan bruge ordningen</h2>
    <p class="alert-text">{{UNIVERSITY}} er et af de otte forskningsuniversiteter, og uddannelsen
    afsluttes med et speciale. Fakultetet, instituttet eller centret kan søge om en
    uddannelsesautorisation.</p>
  </div>
</div>
<h3>Det skal I gøre nu</h3>
<ol>
  <li>Find den personaleansvarlige leder, der skal være autorisationsansvarlig.</li>
  <li>Saml beskrivelsen af jeres datasikkerhed, navnene på mindst tre erfarne personer og
  adressen på den side på universitetets hjemmeside, der præsenterer miljøet.</li>
  <li>Send ansøgningen her på portalen. Forskningsservice behandler den inden for
  {{SERVICE_DAYS}} arbejdsdage.</li>
</ol>
{{>NEXT_STEPS}}
{{/RESULT_YES}}
{{#RESULT_OTHER}}
<div class="alert alert-info">
  <svg class="icon-svg alert-icon" aria-label="Information" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#info"></use></svg>
  <div class="alert-body">
    <h2 class="alert-heading" id="resultat-overskrift">Måske: I kan søge, og vi vurderer det konkret</h2>
    <p class="alert-text">Jeres institution er ikke under et af de otte forskningsuniversiteter,
    men uddannelsen afsluttes med et speciale. Andre danske institutioner med kandidatuddannelser
    kan søge om en uddannelsesautorisation.</p>
  </div>
</div>
<h3>Det skal I gøre nu</h3>
<ol>
  <li>Skriv en beskrivelse af institutionen og af jeres behov for data fra Danmarks Statistik.</li>
  <li>Send den med ansøgningen her på portalen. Forskningsservice vurderer den og svarer inden for
  {{SERVICE_DAYS}} arbejdsdage.</li>
</ol>
{{>NEXT_STEPS}}
{{/RESULT_OTHER}}
{{#RESULT_NO_THESIS}}
<div class="alert alert-warning" role="status">
  <svg class="icon-svg alert-icon" aria-label="Advarsel" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#warning"></use></svg>
  <div class="alert-body">
    <h2 class="alert-heading" id="resultat-overskrift">Nej, ordningen dækker ikke uddannelsen</h2>
    <p class="alert-text">Specialeordningen er kun for kandidatuddannelser, der afsluttes med et
    speciale. {{PROGRAMME}} er ikke omfattet.</p>
  </div>
</div>
<p>Har I spørgsmål, så skriv til Forskningsservice på
<a href="mailto:{{FSE_MAILBOX}}">{{FSE_MAILBOX}}</a>.</p>
{{/RESULT_NO_THESIS}}
{{#RESULT_RESEARCH}}
<div class="alert alert-info">
  <svg class="icon-svg alert-icon" aria-label="Information" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#info"></use></svg>
  <div class="alert-body">
    <h2 class="alert-heading" id="resultat-overskrift">Brug forskerordningen i stedet</h2>
    <p class="alert-text">Ph.d.-studerende og forskere får adgang til data gennem Danmarks
    Statistiks forskerordning, ikke Specialeordningen.</p>
  </div>
</div>
<p>Skriv til Forskningsservice på <a href="mailto:{{FSE_MAILBOX}}">{{FSE_MAILBOX}}</a>, så hjælper
vi jer videre.</p>
{{/RESULT_RESEARCH}}
{{#RESULT_ASK_FSE}}
<div class="alert alert-info">
  <svg class="icon-svg alert-icon" aria-label="Information" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#info"></use></svg>
  <div class="alert-body">
    <h2 class="alert-heading" id="resultat-overskrift">Det afhænger af uddannelsen: spørg os først</h2>
    <p class="alert-text">{{PROGRAMME}} afsluttes ikke altid med et speciale. Forskningsservice
    vurderer tvivlstilfælde, og i sidste ende afgør Rigsstatistikeren.</p>
  </div>
</div>
<p>Skriv til <a href="mailto:{{FSE_MAILBOX}}">{{FSE_MAILBOX}}</a> med en kort beskrivelse af
uddannelsen og dens afsluttende projekt. Vi svarer inden for {{SERVICE_DAYS}} arbejdsdage.</p>
{{/RESULT_ASK_FSE}}
</section>
{{/RESULT}}

<form method="get" action="/kan-vi-bruge-ordningen" novalidate class="mt-7">
  <div class="form-group{{#ERROR_universitet}} form-error{{/ERROR_universitet}}">
    <label class="form-label" for="universitet">Hvilket universitet hører institutionen under?</label>
    {{#ERROR_universitet}}<span class="form-error-message" id="universitet-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_universitet}}
    <select class="form-select" name="universitet" id="universitet"{{#ERROR_universitet}} aria-invalid="true" aria-describedby="universitet-error"{{/ERROR_universitet}}>
      <option value="">Vælg universitet</option>
      {{#UNIVERSITY}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
      {{/UNIVERSITY}}<option value="anden"{{#OTHER_SELECTED}} selected{{/OTHER_SELECTED}}>En anden dansk uddannelsesinstitution</option>
    </select>
  </div>

  <div class="form-group{{#ERROR_uddannelse}} form-error{{/ERROR_uddannelse}}">
    <fieldset{{#ERROR_uddannelse}} aria-describedby="uddannelse-error"{{/ERROR_uddannelse}}>
      <legend class="form-label">Hvilken slags uddannelse skal bruge data?</legend>
      {{#ERROR_uddannelse}}<span class="form-error-message" id="uddannelse-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_uddannelse}}
      {{#PROGRAMME}}<div class="form-group-radio">
        <input type="radio" class="form-radio" name="uddannelse" id="uddannelse-{{INDEX}}" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}{{#HINT}} aria-describedby="uddannelse-{{INDEX}}-hint"{{/HINT}}>
        <label class="form-label" for="uddannelse-{{INDEX}}">{{LABEL}}</label>
        {{#HINT}}<span class="form-hint" id="uddannelse-{{INDEX}}-hint">{{TEXT}}</span>{{/HINT}}
      </div>
      {{/PROGRAMME}}
    </fieldset>
  </div>

  <button type="submit" class="button button-primary mt-5">Se svaret</button>
</form>
