{{%AUTOESCAPE context="HTML"}}
{{! The application for an education authorisation, one step at a time (issue 5; R1-R4, R6, R17, R31). }}
<p class="h5">Ansøgning om uddannelsesautorisation, sag {{ID}}</p>
<h1>Trin {{TRIN}} af {{NSTEPS}}: {{STEP_LABEL}}</h1>
<nav aria-label="Trin i ansøgningen">
  <ol class="step-list">
  {{#STEP}}<li>{{#CURRENT}}<span aria-current="step"><strong>{{N}}. {{LABEL}}</strong></span>{{/CURRENT}}{{#OTHER}}<a href="/ansoegning/trin?id={{ID}}&amp;trin={{N}}">{{N}}. {{LABEL}}</a>{{/OTHER}}</li>
  {{/STEP}}</ol>
</nav>
{{#SAVED}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">Kladden er gemt. Du kan lukke browseren og fortsætte senere fra <a href="/ansoegning">Mine sager</a>.</p></div></div>{{/SAVED}}
{{#RETURNED}}<div class="alert alert-warning" role="status" id="fse-besked"><svg class="icon-svg alert-icon" aria-label="Bemærk" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#warning"></use></svg><div class="alert-body"><h2 class="alert-heading">Forskningsservice har sendt ansøgningen tilbage</h2><p class="alert-text">Besked fra Forskningsservice {{AT}}:</p><p class="alert-text">{{REASON:pre_escape}}</p><p class="alert-text">Ret det, beskeden handler om, og send ansøgningen igen fra det sidste trin.</p></div></div>{{/RETURNED}}
{{#CONFLICT}}<div class="alert alert-warning" role="alert"><div class="alert-body"><h2 class="alert-heading">Ansøgningen er ændret i et andet vindue</h2><p class="alert-text">Det, du skrev her, er ikke gemt, men det står stadig i felterne nedenfor. Tjek felterne, og gem igen, hvis det er det, du vil have gemt.</p></div></div>{{/CONFLICT}}
{{#STEP1}}
{{>ERROR_SUMMARY}}
<form method="post" action="/ansoegning/trin" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="trin" value="1">
  <input type="hidden" name="version" value="{{VERSION}}">
  <div class="form-group{{#ERROR_universitet}} form-error{{/ERROR_universitet}}">
    <label class="form-label" for="universitet">Universitet</label>
    <span class="form-hint" id="universitet-hint">Institutionen skal høre under et af de otte forskningsuniversiteter. En anden dansk institution med kandidatuddannelser kan også søge.</span>
    {{#ERROR_universitet}}<span class="form-error-message" id="universitet-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_universitet}}
    <select class="form-select" id="universitet" name="universitet" aria-describedby="universitet-hint{{#ERROR_universitet}} universitet-error{{/ERROR_universitet}}">
      <option value="">Vælg</option>
      {{#UNIVERSITY}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}{{#AFFILIATED}} ({{TEXT}}){{/AFFILIATED}}</option>
      {{/UNIVERSITY}}<option value="anden"{{#OTHER_SELECTED}} selected{{/OTHER_SELECTED}}>En anden institution med kandidatuddannelser</option>
    </select>
  </div>
  <div class="form-group{{#ERROR_enhed}} form-error{{/ERROR_enhed}}">
    <label class="form-label" for="enhed">Fakultet, institut eller center</label>
    {{#ERROR_enhed}}<span class="form-error-message" id="enhed-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_enhed}}
    <input class="form-input" type="text" id="enhed" name="enhed" value="{{VALUE_enhed}}"{{#ERROR_enhed}} aria-invalid="true" aria-describedby="enhed-error"{{/ERROR_enhed}}>
  </div>
  <fieldset>
    <legend class="h3">Kun for en anden institution</legend>
    <p class="form-hint">Skal udfyldes, hvis du har valgt en anden institution. Forskningsservice vurderer den slags ansøgninger enkeltvis.</p>
    <div class="form-group{{#ERROR_anden_beskrivelse}} form-error{{/ERROR_anden_beskrivelse}}">
      <label class="form-label" for="anden_beskrivelse">Beskrivelse af institutionen</label>
      {{#ERROR_anden_beskrivelse}}<span class="form-error-message" id="anden_beskrivelse-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_anden_beskrivelse}}
      <textarea class="form-input" id="anden_beskrivelse" name="anden_beskrivelse" rows="4"{{#ERROR_anden_beskrivelse}} aria-invalid="true" aria-describedby="anden_beskrivelse-error"{{/ERROR_anden_beskrivelse}}>{{VALUE_anden_beskrivelse:pre_escape}}</textarea>
    </div>
    <div class="form-group{{#ERROR_anden_behov}} form-error{{/ERROR_anden_behov}}">
      <label class="form-label" for="anden_behov">Institutionens behov for ordningen</label>
      {{#ERROR_anden_behov}}<span class="form-error-message" id="anden_behov-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_anden_behov}}
      <textarea class="form-input" id="anden_behov" name="anden_behov" rows="4"{{#ERROR_anden_behov}} aria-invalid="true" aria-describedby="anden_behov-error"{{/ERROR_anden_behov}}>{{VALUE_anden_behov:pre_escape}}</textarea>
    </div>
  </fieldset>
  <h2>Kandidatuddannelser</h2>
  <p>Skriv de kandidatuddannelser, der skal bruge ordningen (højst fem). Ordningen er kun for uddannelser, der afsluttes med et speciale, typisk på 30-60 ECTS.</p>
  {{#PROGRAMME}}<fieldset>
    <legend class="h4">Uddannelse {{N}}</legend>
    <div class="form-group{{#ERROR_NAME}} form-error{{/ERROR_NAME}}">
      <label class="form-label" for="udd_navn_{{N}}">Uddannelsens navn</label>
      {{#ERROR_NAME}}<span class="form-error-message" id="udd_navn_{{N}}-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_NAME}}
      <input class="form-input" type="text" id="udd_navn_{{N}}" name="udd_navn_{{N}}" value="{{VALUE_NAME}}"{{#ERROR_NAME}} aria-invalid="true" aria-describedby="udd_navn_{{N}}-error"{{/ERROR_NAME}}>
    </div>
    <div class="form-group{{#ERROR_ECTS}} form-error{{/ERROR_ECTS}}">
      <label class="form-label" for="udd_ects_{{N}}">Specialets omfang i ECTS</label>
      {{#ERROR_ECTS}}<span class="form-error-message" id="udd_ects_{{N}}-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_ECTS}}
      <input class="form-input input-width-xs" type="text" inputmode="numeric" id="udd_ects_{{N}}" name="udd_ects_{{N}}" value="{{VALUE_ECTS}}"{{#ERROR_ECTS}} aria-invalid="true" aria-describedby="udd_ects_{{N}}-error"{{/ERROR_ECTS}}>
    </div>
  </fieldset>
  {{/PROGRAMME}}
  <button type="submit" name="handling" value="videre" class="button button-primary">Gem og gå videre</button>
  <button type="submit" name="handling" value="gem" class="button button-secondary">Gem kladde</button>
</form>
{{/STEP1}}
{{#STEP2}}
{{>ERROR_SUMMARY}}
{{#MANAGER}}<section class="manager-state" id="lederens-bekraeftelse" aria-labelledby="lederens-bekraeftelse-overskrift">
<h2 id="lederens-bekraeftelse-overskrift">Lederens bekræftelse</h2>
{{#CONFIRMED}}<p><strong>Bekræftet {{AT}}.</strong> {{NAME}} ({{EMAIL}}) har bekræftet ansvaret for autorisationen.</p>{{/CONFIRMED}}
{{#NOT_CONFIRMED}}{{#NOT_SENT}}<p><strong>Ikke sendt endnu.</strong> Den personaleansvarlige leder skal selv bekræfte ansvaret via et link, vi sender til lederens e-mailadresse. Ansøgningen kan først sendes, når lederen har bekræftet.</p>{{/NOT_SENT}}
{{#PENDING}}<p><strong>Sendt til {{EMAIL}} {{AT}}.</strong> Lederen har ikke bekræftet endnu. Du får en e-mail, når lederen har bekræftet.</p>{{/PENDING}}
{{#CAN_SEND}}<p>Bekræftelsen sendes til den gemte adresse, så gem trinnet først, hvis du har ændret den.</p>
<form method="post" action="/ansoegning/leder">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  <input type="hidden" name="trin" value="{{TRIN}}">
  <button type="submit" class="button button-secondary">Send bekræftelse til lederen{{#PENDING_AGAIN}} igen{{/PENDING_AGAIN}}</button>
</form>{{/CAN_SEND}}{{#NO_ADDRESS}}<p>Udfyld og gem lederens navn og e-mailadresse herunder først.</p>{{/NO_ADDRESS}}{{/NOT_CONFIRMED}}
</section>
{{/MANAGER}}
<form method="post" action="/ansoegning/trin" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="trin" value="2">
  <input type="hidden" name="version" value="{{VERSION}}">
  <h2>1. Datasikkerhed</h2>
  <div class="form-group{{#ERROR_sikkerhed}} form-error{{/ERROR_sikkerhed}}">
    <label class="form-label" for="sikkerhed">Hvordan holder I et højt og vedvarende fokus på datasikkerhed?</label>
    {{#ERROR_sikkerhed}}<span class="form-error-message" id="sikkerhed-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_sikkerhed}}
    <textarea class="form-input" id="sikkerhed" name="sikkerhed" rows="5"{{#ERROR_sikkerhed}} aria-invalid="true" aria-describedby="sikkerhed-error"{{/ERROR_sikkerhed}}>{{VALUE_sikkerhed:pre_escape}}</textarea>
  </div>
  <fieldset>
    <legend class="h2">2. Den personaleansvarlige leder</legend>
    <p>Lederen påtager sig ansvaret for autorisationen og fører tilsyn med, at reglerne overholdes. Når du har gemt lederens oplysninger, kan du sende lederen en e-mail med et link. Lederen bekræfter selv via linket, og ansøgningen kan først sendes, når lederen har bekræftet.</p>
    <div class="form-group{{#ERROR_leder_navn}} form-error{{/ERROR_leder_navn}}">
      <label class="form-label" for="leder_navn">Navn</label>
      {{#ERROR_leder_navn}}<span class="form-error-message" id="leder_navn-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_leder_navn}}
      <input class="form-input" type="text" id="leder_navn" name="leder_navn" value="{{VALUE_leder_navn}}"{{#ERROR_leder_navn}} aria-invalid="true" aria-describedby="leder_navn-error"{{/ERROR_leder_navn}}>
    </div>
    <div class="form-group{{#ERROR_leder_titel}} form-error{{/ERROR_leder_titel}}">
      <label class="form-label" for="leder_titel">Titel</label>
      {{#ERROR_leder_titel}}<span class="form-error-message" id="leder_titel-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_leder_titel}}
      <input class="form-input" type="text" id="leder_titel" name="leder_titel" value="{{VALUE_leder_titel}}"{{#ERROR_leder_titel}} aria-invalid="true" aria-describedby="leder_titel-error"{{/ERROR_leder_titel}}>
    </div>
    <div class="form-group{{#ERROR_leder_email}} form-error{{/ERROR_leder_email}}">
      <label class="form-label" for="leder_email">E-mailadresse fra institutionen</label>
      {{#ERROR_leder_email}}<span class="form-error-message" id="leder_email-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_leder_email}}
      <input class="form-input" type="email" id="leder_email" name="leder_email" value="{{VALUE_leder_email}}"{{#ERROR_leder_email}} aria-invalid="true" aria-describedby="leder_email-error"{{/ERROR_leder_email}}>
    </div>
  </fieldset>
  <h2>3. Erfarne personer i miljøet</h2>
  <p>Mindst {{MIN_PERSONS}} personer (vejledere medregnet) med konkret erfaring med data og store datasæt og solidt kendskab til Danmarks Statistiks regler for datasikkerhed, fx fra tidligere adgang til mikrodata. Du kan gemme en kladde med færre.</p>
  {{#ERROR_person_navn_1}}<p class="form-error-message" id="personer-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</p>{{/ERROR_person_navn_1}}
  {{#PERSON}}<fieldset>
    <legend class="h4">Person {{N}}</legend>
    <div class="form-group{{#ERROR_NAME}} form-error{{/ERROR_NAME}}">
      <label class="form-label" for="person_navn_{{N}}">Navn</label>
      <input class="form-input" type="text" id="person_navn_{{N}}" name="person_navn_{{N}}" value="{{VALUE_NAME}}"{{#ERROR_NAME}} aria-invalid="true"{{/ERROR_NAME}}>
    </div>
    <div class="form-group{{#ERROR_EMAIL}} form-error{{/ERROR_EMAIL}}">
      <label class="form-label" for="person_email_{{N}}">E-mailadresse</label>
      {{#ERROR_EMAIL}}<span class="form-error-message" id="person_email_{{N}}-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_EMAIL}}
      <input class="form-input" type="email" id="person_email_{{N}}" name="person_email_{{N}}" value="{{VALUE_EMAIL}}"{{#ERROR_EMAIL}} aria-invalid="true" aria-describedby="person_email_{{N}}-error"{{/ERROR_EMAIL}}>
    </div>
    <div class="form-group{{#ERROR_ROLE}} form-error{{/ERROR_ROLE}}">
      <label class="form-label" for="person_rolle_{{N}}">Rolle, fx vejleder</label>
      {{#ERROR_ROLE}}<span class="form-error-message" id="person_rolle_{{N}}-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_ROLE}}
      <input class="form-input" type="text" id="person_rolle_{{N}}" name="person_rolle_{{N}}" value="{{VALUE_ROLE}}"{{#ERROR_ROLE}} aria-invalid="true" aria-describedby="person_rolle_{{N}}-error"{{/ERROR_ROLE}}>
    </div>
    <div class="form-group{{#ERROR_EXPERIENCE}} form-error{{/ERROR_EXPERIENCE}}">
      <label class="form-label" for="person_erfaring_{{N}}">Erfaring med registerdata og Danmarks Statistiks regler</label>
      {{#ERROR_EXPERIENCE}}<span class="form-error-message" id="person_erfaring_{{N}}-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_EXPERIENCE}}
      <textarea class="form-input" id="person_erfaring_{{N}}" name="person_erfaring_{{N}}" rows="3"{{#ERROR_EXPERIENCE}} aria-invalid="true" aria-describedby="person_erfaring_{{N}}-error"{{/ERROR_EXPERIENCE}}>{{VALUE_EXPERIENCE:pre_escape}}</textarea>
    </div>
  </fieldset>
  {{/PERSON}}
  <h2>4. Miljøet på universitetets hjemmeside</h2>
  <div class="form-group{{#ERROR_url}} form-error{{/ERROR_url}}">
    <label class="form-label" for="url">Adressen på siden, der præsenterer miljøet</label>
    <span class="form-hint" id="url-hint">Fx https://www.econ.ku.dk/forskning/</span>
    {{#ERROR_url}}<span class="form-error-message" id="url-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_url}}
    <input class="form-input" type="url" id="url" name="url" value="{{VALUE_url}}" aria-describedby="url-hint{{#ERROR_url}} url-error{{/ERROR_url}}"{{#ERROR_url}} aria-invalid="true"{{/ERROR_url}}>
  </div>
  <button type="submit" name="handling" value="videre" class="button button-primary">Gem og gå videre</button>
  <button type="submit" name="handling" value="gem" class="button button-secondary">Gem kladde</button>
</form>
{{/STEP2}}
{{#STEP3}}
{{>ERROR_SUMMARY}}
<form method="post" action="/ansoegning/trin" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="trin" value="3">
  <input type="hidden" name="version" value="{{VERSION}}">
  <div class="form-group{{#ERROR_domaener}} form-error{{/ERROR_domaener}}">
    <label class="form-label" for="domaener">Institutionens e-maildomæner</label>
    <span class="form-hint" id="domaener-hint">Ét domæne pr. linje, fx econ.ku.dk. Alle brugere skal have en e-mailadresse, som institutionen har udstedt, og vi tjekker senere hver invitation mod domænerne.</span>
    {{#ERROR_domaener}}<span class="form-error-message" id="domaener-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_domaener}}
    <textarea class="form-input" id="domaener" name="domaener" rows="4" aria-describedby="domaener-hint{{#ERROR_domaener}} domaener-error{{/ERROR_domaener}}"{{#ERROR_domaener}} aria-invalid="true"{{/ERROR_domaener}}>{{VALUE_domaener:pre_escape}}</textarea>
  </div>
  <button type="submit" name="handling" value="videre" class="button button-primary">Gem og gå videre</button>
  <button type="submit" name="handling" value="gem" class="button button-secondary">Gem kladde</button>
</form>
{{/STEP3}}
{{#STEP4}}
{{>ERROR_SUMMARY}}
<form method="post" action="/ansoegning/trin" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="trin" value="4">
  <input type="hidden" name="version" value="{{VERSION}}">
  <fieldset>
    <legend class="h3">Hvor skal de studerende analysere data?</legend>
    {{#ERROR_platform}}<span class="form-error-message" id="platform-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_platform}}
    <div class="form-group-radio">
      <input class="form-radio" type="radio" id="platform" name="platform" value="forskermaskinen"{{#FM_CHECKED}} checked{{/FM_CHECKED}}>
      <label class="form-label" for="platform">Forskermaskinen hos Danmarks Statistik (det almindelige valg)</label>
    </div>
    <div class="form-group-radio">
      <input class="form-radio" type="radio" id="platform_hosted" name="platform" value="hosted"{{#HOSTED_CHECKED}} checked{{/HOSTED_CHECKED}}>
      <label class="form-label" for="platform_hosted">Institutionens egen hostede server, udvidet med et drev</label>
    </div>
  </fieldset>
  <fieldset>
    <legend class="h3">Kun for en hostet server</legend>
    <div class="form-group{{#ERROR_server}} form-error{{/ERROR_server}}">
      <label class="form-label" for="server">Serverens navn</label>
      {{#ERROR_server}}<span class="form-error-message" id="server-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_server}}
      <input class="form-input" type="text" id="server" name="server" value="{{VALUE_server}}"{{#ERROR_server}} aria-invalid="true" aria-describedby="server-error"{{/ERROR_server}}>
    </div>
    <div class="form-group{{#ERROR_drev}} form-error{{/ERROR_drev}}">
      {{#ERROR_drev}}<span class="form-error-message" id="drev-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_drev}}
      <div class="form-group-checkbox">
        <input class="form-checkbox" type="checkbox" id="drev" name="drev" value="ja"{{#DRIVE_CHECKED}} checked{{/DRIVE_CHECKED}}{{#ERROR_drev}} aria-invalid="true" aria-describedby="drev-error"{{/ERROR_drev}}>
        <label class="form-label" for="drev">Drevet er aftalt med servicedesk@dst.dk, og institutionen betaler for det</label>
      </div>
    </div>
  </fieldset>
  <button type="submit" name="handling" value="videre" class="button button-primary">Gem og gå videre</button>
  <button type="submit" name="handling" value="gem" class="button button-secondary">Gem kladde</button>
</form>
{{/STEP4}}
{{#STEP5}}
{{#PROBLEMS}}<div class="alert alert-error" role="alert"><div class="alert-body"><h2 class="alert-heading">Ansøgningen kan ikke sendes endnu</h2><ul class="alert-text">
{{#PROBLEM}}<li><a href="/ansoegning/trin?id={{ID}}&amp;trin={{N}}">Trin {{N}}: {{TEXT}}</a></li>
{{/PROBLEM}}</ul></div></div>{{/PROBLEMS}}
{{#NOT_CONFIRMED_ERROR}}<div class="alert alert-error" role="alert"><div class="alert-body"><h2 class="alert-heading">Lederen har ikke bekræftet endnu</h2><p class="alert-text">{{TEXT}}</p></div></div>{{/NOT_CONFIRMED_ERROR}}
{{#STALE}}<div class="alert alert-warning" role="alert"><div class="alert-body"><h2 class="alert-heading">Ansøgningen er ændret i et andet vindue</h2><p class="alert-text">Ansøgningen er ikke sendt. Den er ændret, efter du åbnede denne side. Tjek oplysningerne nedenfor, og send igen.</p></div></div>{{/STALE}}
{{#MAIL_SENT}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">Vi har sendt en e-mail til lederen med et link til bekræftelsen.</p></div></div>{{/MAIL_SENT}}
<p>Tjek, at alt er rigtigt. Vælg "Ret" for at ændre et trin.</p>
{{#REVIEW}}<h2>{{N}}. {{LABEL}}</h2>
<p><a href="/ansoegning/trin?id={{ID}}&amp;trin={{N}}">Ret<span class="sr-only"> {{LABEL}}</span></a></p>
<dl>
{{#ITEM}}<dt>{{NAME}}</dt><dd>{{VALUE}}</dd>
{{/ITEM}}</dl>
{{/REVIEW}}
{{#MANAGER}}<h2>Lederens bekræftelse</h2>
{{#CONFIRMED}}<p><strong>Bekræftet:</strong> {{NAME}} ({{EMAIL}}) har bekræftet ansvaret for autorisationen {{AT}}.</p>{{/CONFIRMED}}
{{#NOT_CONFIRMED}}<p><strong>Ikke bekræftet endnu.</strong> Den personaleansvarlige leder skal selv bekræfte ansvaret via et link, vi sender til lederens e-mailadresse{{#PENDING}} (sendt til {{EMAIL}} {{AT}}){{/PENDING}}. Bekræftelsen sendes til den gemte adresse, så gem trinnet først, hvis du har ændret den.</p>
{{#CAN_SEND}}<form method="post" action="/ansoegning/leder">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  <input type="hidden" name="trin" value="{{TRIN}}">
  <button type="submit" class="button button-secondary">Send bekræftelse til lederen</button>
</form>{{/CAN_SEND}}{{#NO_ADDRESS}}<p>Udfyld og gem lederens navn og e-mailadresse i trin 2 først.</p>{{/NO_ADDRESS}}{{/NOT_CONFIRMED}}
{{/MANAGER}}
<h2>Send ansøgningen</h2>
<p>Når du sender ansøgningen, går den til Forskningsservice i Danmarks Statistik, og du får en kvittering på e-mail. Du kan ikke ændre ansøgningen, mens den behandles. Målet er svar inden for {{SERVICE_DAYS}} arbejdsdage.</p>
<form method="post" action="/ansoegning/send">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  <button type="submit" class="button button-primary">Send ansøgningen</button>
</form>
{{/STEP5}}
<p class="mt-6"><a href="/ansoegning">Tilbage til Mine sager</a></p>
