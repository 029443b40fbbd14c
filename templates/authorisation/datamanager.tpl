{{%AUTOESCAPE context="HTML"}}
{{! The datamanagers' own user access: an administrator who is also datamanager may get user access to form populations for the projects. }}
<h1>Datamanagernes brugeradgang</h1>
<p class="font-lead">{{INSTITUTION}}, uddannelsesautorisation {{NUMBER}}.</p>
<p>En administrator, der også er datamanager, kan få sin egen brugeradgang til data for at danne populationer til autorisationens projekter. Den autorisationsansvarlige beder Forskningsservice om adgangen. Adgangen bliver aktiv, når Forskningsservice har godkendt personen som bruger, og personen har accepteret brugeraftalen og bestået certificeringskurset. Når adgangen bliver aktiv første gang, opkræves brugergebyret.</p>
{{#NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text" id="besked">{{TEXT}}</p></div></div>{{/NOTICE}}
{{>ERROR_SUMMARY}}
{{#WARNING}}<div class="alert alert-warning" role="alert"><div class="alert-body"><p class="alert-text" id="advarsel">{{TEXT}}</p></div></div>{{/WARNING}}

{{#OWN}}<h2 id="min-adgang">Din egen brugeradgang</h2>
{{#OWN_NONE}}<p>Du har ikke en brugeradgang som datamanager. Den autorisationsansvarlige kan bede Forskningsservice om den, hvis du også er administrator.</p>{{/OWN_NONE}}
{{#ACCESS_ACTIVE}}<p id="min-status"><strong>Din adgang er aktiv:</strong> du kan danne populationer til projekterne.</p>{{/ACCESS_ACTIVE}}{{#ACCESS_WAITING}}<p id="min-status"><strong>Din adgang er ikke aktiv.</strong> Den bliver aktiv, når alt herunder er på plads.</p>{{/ACCESS_WAITING}}
<ul class="nobullet-list" id="min-tjek">
{{#CHECK}}  <li>{{#DONE}}<strong>Klar:</strong>{{/DONE}}{{#NOT_YET}}<strong>Endnu ikke:</strong>{{/NOT_YET}} {{TEXT}}{{#WHO}} ({{TEXT}}){{/WHO}}</li>
{{/CHECK}}</ul>
{{#NO_AGREEMENT}}<p>Forskningsservice har endnu ikke offentliggjort brugeraftalen. Du får besked, når du kan acceptere den.</p>{{/NO_AGREEMENT}}
{{#AGREEMENT}}<h3>Brugeraftalen</h3>
<p>Du skal acceptere brugeraftalen, før du kan arbejde med data. Læs den her.</p>
<div class="pre-line" id="aftaletekst">{{TEXT:pre_escape}}</div>
{{#ACCEPTED}}<p id="accepteret"><strong>Accepteret</strong> af {{BY}} {{AT}} (udgave {{VERSION}}).</p>{{/ACCEPTED}}
{{#ACCEPT}}{{#CHANGED}}<div class="alert alert-warning"><div class="alert-body"><p class="alert-text">Brugeraftalen er ændret, siden du accepterede den. Læs den nye udgave, og acceptér den igen.</p></div></div>{{/CHANGED}}
<form method="post" action="/autorisation/datamanager/brugeraftale">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  <button type="submit" class="button button-primary">Jeg accepterer brugeraftalen</button>
</form>{{/ACCEPT}}{{/AGREEMENT}}
{{#HAS_TIMELINE}}<h3>Din adgang, trin for trin</h3>
<ul id="min-forloeb">
{{#TIMELINE}}  <li>{{AT}}: {{WHAT}} ({{BY}}){{#WHY}}: {{TEXT}}{{/WHY}}</li>
{{/TIMELINE}}</ul>{{/HAS_TIMELINE}}{{/OWN}}

<h2 id="datamanagere">Autorisationens datamanagere</h2>
{{#NO_PEOPLE}}<p id="ingen">Ingen har rollen som datamanager på autorisationen. Den autorisationsansvarlige inviterer under <a href="/autorisation/roller?id={{ID}}">Roller</a>.</p>{{/NO_PEOPLE}}
{{#PERSON}}<section class="datamanager" id="person-{{UID}}" aria-labelledby="navn-{{UID}}">
<h3 id="navn-{{UID}}">{{NAME}}</h3>
<p{{#CASE}} id="sag-{{CASE_ID}}"{{/CASE}}>{{EMAIL}}. {{ROLES}}.</p>
{{#NO_ACCESS}}<p class="status"><strong>Ingen brugeradgang.</strong>{{#WAS_ENDED}} Den seneste blev afsluttet {{ENDED_AT}}: {{END_REASON}}{{/WAS_ENDED}}</p>{{/NO_ACCESS}}
{{#CANNOT_REQUEST}}<p>Kun en person, der både er administrator og datamanager, kan få brugeradgang.</p>{{/CANNOT_REQUEST}}
{{#AT_FSE}}<p class="status" id="status-{{UID}}"><strong>Hos Forskningsservice:</strong> anmodningen blev sendt {{REQUESTED_AT}}. Forskningsservice godkender personen som bruger.</p>{{/AT_FSE}}
{{#RETURNED}}<div class="alert alert-warning"><div class="alert-body"><p class="alert-text" id="status-{{UID}}"><strong>Sendt tilbage af Forskningsservice:</strong> {{REASON}}</p></div></div>{{/RETURNED}}
{{#APPROVED}}<p>Godkendt af Forskningsservice med FSE-bruger-id <strong>{{FSE_ID}}</strong>.</p>{{/APPROVED}}
{{#ACCESS_ACTIVE}}<p class="status" id="status-{{UID}}"><strong>Adgangen er aktiv.</strong></p>{{/ACCESS_ACTIVE}}{{#ACCESS_WAITING}}<p><strong>Adgangen er ikke aktiv.</strong> Den venter på det, der ikke er klar herunder.</p>{{/ACCESS_WAITING}}
<ul class="nobullet-list" id="tjek-{{UID}}">
{{#CHECK}}  <li>{{#DONE}}<strong>Klar:</strong>{{/DONE}}{{#NOT_YET}}<strong>Endnu ikke:</strong>{{/NOT_YET}} {{TEXT}}{{#WHO}} ({{TEXT}}){{/WHO}}</li>
{{/CHECK}}</ul>
{{#REQUEST}}<form method="post" action="/autorisation/datamanager/anmod" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="bruger" value="{{UID}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <div class="form-group{{#ERR_HAS_ID}} form-error{{/ERR_HAS_ID}}">
    <fieldset{{#ERR_HAS_ID}} aria-describedby="har_id-{{UID}}-error"{{/ERR_HAS_ID}}>
      <legend class="form-label" id="har_id-{{UID}}">Har {{NAME}} et FSE-bruger-id?</legend>
      {{#ERR_HAS_ID}}<span class="form-error-message" id="har_id-{{UID}}-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERR_HAS_ID}}
      <ul class="nobullet-list">
        <li><input class="form-radio radio-large" type="radio" id="har_id_ja-{{UID}}" name="har_id" value="ja"{{#HAS_ID_YES}} checked{{/HAS_ID_YES}}><label for="har_id_ja-{{UID}}">Ja</label></li>
        <li><input class="form-radio radio-large" type="radio" id="har_id_nej-{{UID}}" name="har_id" value="nej"{{#HAS_ID_NO}} checked{{/HAS_ID_NO}}><label for="har_id_nej-{{UID}}">Nej, Forskningsservice skal oprette personen som ny bruger</label></li>
      </ul>
    </fieldset>
  </div>
  <div class="form-group{{#ERR_FSE_ID}} form-error{{/ERR_FSE_ID}}">
    <label class="form-label" for="fse_bruger_id-{{UID}}">FSE-bruger-id</label>
    <span class="form-hint" id="fse_bruger_id-{{UID}}-hint">Kun hvis personen har et.</span>
    {{#ERR_FSE_ID}}<span class="form-error-message" id="fse_bruger_id-{{UID}}-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERR_FSE_ID}}
    <input class="form-input input-width-s" type="text" id="fse_bruger_id-{{UID}}" name="fse_bruger_id" value="{{FSE_ID}}" aria-describedby="fse_bruger_id-{{UID}}-hint{{#ERR_FSE_ID}} fse_bruger_id-{{UID}}-error{{/ERR_FSE_ID}}"{{#ERR_FSE_ID}} aria-invalid="true"{{/ERR_FSE_ID}}>
  </div>
  <button type="submit" class="button button-primary">Bed Forskningsservice om brugeradgang til {{NAME}}</button>
</form>{{/REQUEST}}
{{#SUSPEND}}<form method="post" action="/autorisation/datamanager/suspender" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="bruger" value="{{UID}}">
  <div class="form-group{{#ERR_REASON}} form-error{{/ERR_REASON}}">
    <label class="form-label" for="begrundelse-{{UID}}">Suspendér adgangen ved brud på sikkerhedsreglerne: hvilket brud?</label>
    <span class="form-hint" id="begrundelse-{{UID}}-hint">Datamanageren og Forskningsservice får begrundelsen på mail.</span>
    {{#ERR_REASON}}<span class="form-error-message" id="begrundelse-{{UID}}-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERR_REASON}}
    <textarea class="form-input" id="begrundelse-{{UID}}" name="begrundelse" rows="3" aria-describedby="begrundelse-{{UID}}-hint{{#ERR_REASON}} begrundelse-{{UID}}-error{{/ERR_REASON}}"{{#ERR_REASON}} aria-invalid="true"{{/ERR_REASON}}>{{REASON}}</textarea>
  </div>
  <button type="submit" class="button button-secondary">Suspendér adgangen</button>
</form>{{/SUSPEND}}
{{#LIFT}}<form method="post" action="/autorisation/datamanager/ophaev" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="bruger" value="{{UID}}">
  <div class="form-group{{#ERR_REASON}} form-error{{/ERR_REASON}}">
    <label class="form-label" for="begrundelse-{{UID}}">Ophæv suspenderingen: hvorfor?</label>
    {{#ERR_REASON}}<span class="form-error-message" id="begrundelse-{{UID}}-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERR_REASON}}
    <textarea class="form-input" id="begrundelse-{{UID}}" name="begrundelse" rows="3"{{#ERR_REASON}} aria-describedby="begrundelse-{{UID}}-error" aria-invalid="true"{{/ERR_REASON}}>{{REASON}}</textarea>
  </div>
  <button type="submit" class="button button-secondary">Ophæv suspenderingen</button>
</form>{{/LIFT}}
{{#END}}<details class="details">
<summary>Afslut brugeradgangen</summary>
<form method="post" action="/autorisation/datamanager/afslut" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="bruger" value="{{UID}}">
  <div class="form-group{{#ERR_REASON}} form-error{{/ERR_REASON}}">
    <label class="form-label" for="afslut-{{UID}}">Hvorfor afsluttes adgangen?</label>
    <span class="form-hint" id="afslut-{{UID}}-hint">For eksempel: personen er ikke længere datamanager. Datamanageren og Forskningsservice får besked.</span>
    {{#ERR_REASON}}<span class="form-error-message" id="afslut-{{UID}}-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERR_REASON}}
    <textarea class="form-input" id="afslut-{{UID}}" name="begrundelse" rows="3" aria-describedby="afslut-{{UID}}-hint{{#ERR_REASON}} afslut-{{UID}}-error{{/ERR_REASON}}"{{#ERR_REASON}} aria-invalid="true"{{/ERR_REASON}}>{{REASON}}</textarea>
  </div>
  <button type="submit" class="button button-secondary">Afslut brugeradgangen</button>
</form></details>{{/END}}
{{#HAS_TIMELINE}}<details class="details"><summary>Adgangen, trin for trin</summary>
<ul class="nobullet-list" id="forloeb-{{UID}}">
{{#TIMELINE}}  <li>{{AT}}: {{WHAT}} ({{BY}}){{#WHY}}: {{TEXT}}{{/WHY}}</li>
{{/TIMELINE}}</ul></details>{{/HAS_TIMELINE}}
</section>
{{/PERSON}}
<p><a href="/autorisation">Mine autorisationer</a></p>
