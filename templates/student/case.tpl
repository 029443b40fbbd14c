{{%AUTOESCAPE context="HTML"}}
{{! A thesis student's case (issue 13; R13, R26-R28): the facts, Annex 1 to download, the signed upload, the checklist and the history. }}
<p><a href="/studerende?id={{ID}}">Tilbage til de specialestuderende</a></p>
<h1>{{NAME}}</h1>
<p class="font-lead">Specialestuderende under uddannelsesautorisation {{NUMBER}}, {{INSTITUTION}}. Vejleder: {{SUPERVISOR}}.</p>
{{#NOTICE}}<div class="alert alert-{{KIND}}" role="{{ROLE}}" id="besked"><svg class="icon-svg alert-icon" aria-label="{{LABEL}}" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#{{ICON}}"></use></svg><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/NOTICE}}
{{>ERROR_SUMMARY}}
<dl>
  <dt>Status</dt><dd id="status">{{STATE_LABEL}}</dd>
</dl>

<h2 id="oplysninger">Oplysninger</h2>
<dl id="felter">
{{#FIELD}}  <dt>{{LABEL}}</dt><dd class="pre-line">{{VALUE:pre_escape}}</dd>
{{/FIELD}}</dl>
{{#SUPERVISOR_ACTIONS}}<p><a href="/studerende/rediger?id={{ID}}&amp;sag={{SAG}}">Ret oplysningerne</a></p>{{/SUPERVISOR_ACTIONS}}

<h2 id="bilag1">Bilag 1: specialets forskningshøjde</h2>
{{#INCOMPLETE}}<p>Bilag 1 kan dannes, når alt er udfyldt. Der mangler:</p>
<ul id="mangler">
{{#ITEM}}  <li>{{TEXT}}</li>
{{/ITEM}}</ul>{{/INCOMPLETE}}
{{#NO_LOGO}}<div class="alert alert-warning" id="logo-mangler"><svg class="icon-svg alert-icon" aria-label="Bemærk" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#warning"></use></svg><div class="alert-body"><p class="alert-text">Bilag 1 skal have institutionens logo, og det er ikke uploadet endnu. {{#YOU_UPLOAD}}Du er autorisationsansvarlig: <a href="/autorisation/logo?id={{ID}}">upload logoet her</a>.{{/YOU_UPLOAD}}{{#THEY_UPLOAD}}Den autorisationsansvarlige, {{RESPONSIBLE}}, skal uploade det på siden <a href="/autorisation/logo?id={{ID}}">Institutionens logo</a>. Send linket til {{RESPONSIBLE}}; du får ikke automatisk besked, når det er sket.{{/THEY_UPLOAD}}</p></div></div>{{/NO_LOGO}}
{{#ANNEX1}}<p><a class="button button-secondary" href="/studerende/bilag1?id={{ID}}&amp;sag={{SAG}}" id="hent-bilag1">Hent bilag 1 som PDF</a></p>
<p>Underskriv bilag 1 i hånden og scan det, eller underskriv det digitalt. Upload det derefter herunder.</p>{{/ANNEX1}}

<h3>Underskrevet bilag 1</h3>
{{#SIGNED_FILE}}<p id="underskrevet"><a href="/fil?id={{FILE_ID}}">{{NAME}}</a> ({{SIZE}}), uploadet {{UPLOADED_AT}} af {{UPLOADER}}.</p>
{{#SCAN}}<p id="underskrift">Filen har ingen digital underskrift. Den regnes for underskrevet i hånden og scannet.</p>{{/SCAN}}
{{#DIGITAL}}<div class="alert alert-{{KIND}}" id="underskrift"><div class="alert-body"><p class="alert-text">Digitalt underskrevet af <strong>{{SIGNER}}</strong>, {{AT}}. {{VERDICT}} {{CERT}}{{#MORE}} Filen har {{MORE}} underskrift(er) mere.{{/MORE}}</p></div></div>{{/DIGITAL}}{{/SIGNED_FILE}}
{{#NO_SIGNED_FILE}}<p id="ikke-underskrevet">Der er ikke uploadet et underskrevet bilag 1 endnu.</p>{{/NO_SIGNED_FILE}}
{{#SUPERVISOR_ACTIONS}}{{#UPLOAD}}<form method="post" action="/studerende/underskrevet" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="sag" value="{{SAG}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <div class="form-group{{#FILE_ERROR}} form-error{{/FILE_ERROR}}">
    <label class="form-label" for="fil">Det underskrevne bilag 1 (PDF)</label>
    <span class="form-hint" id="fil-hint">En PDF på højst {{MAX_SIZE}}, uden kryptering og uden indlejret indhold. Uploader du igen, erstatter den nye fil den gamle.</span>
    {{#FILE_ERROR}}<span class="form-error-message" id="fil-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/FILE_ERROR}}
    <input class="form-input" type="file" id="fil" name="fil" accept="application/pdf" aria-describedby="fil-hint{{#FILE_ERROR}} fil-error{{/FILE_ERROR}}"{{#FILE_ERROR}} aria-invalid="true"{{/FILE_ERROR}}>
  </div>
  <button type="submit" class="button button-secondary">Upload</button>
</form>{{/UPLOAD}}

<h2 id="send">Send til administratorerne</h2>
{{#CAN_SEND}}<p>Når du sender sagen, får autorisationens administratorer en e-mail om, at den studerende venter på at blive tilknyttet. Du kan ikke rette oplysningerne, mens sagen ligger hos dem.</p>
<form method="post" action="/studerende/send">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="sag" value="{{SAG}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  <button type="submit" class="button button-primary">Send til administratorerne</button>
</form>{{/CAN_SEND}}
{{#CANNOT_SEND}}<p>Sagen kan sendes, når alt er udfyldt, og det underskrevne bilag 1 er uploadet.</p>{{/CANNOT_SEND}}{{/SUPERVISOR_ACTIONS}}

{{#FSE_PART}}<h2 id="forskningsservice">Godkendelse som bruger hos Forskningsservice</h2>{{/FSE_PART}}
{{#FSE_WAITING}}<p id="fse-status">Den studerende blev sendt til Forskningsservice {{AT}}. Forskningsservice godkender den studerende som bruger; den autorisationsansvarlige og vejlederen får en e-mail, når det er sket.</p>{{/FSE_WAITING}}
{{#FSE_APPROVED}}<p id="fse-status">Forskningsservice har godkendt den studerende som bruger. FSE-bruger-id: <strong>{{FSE_ID}}</strong>.</p>{{/FSE_APPROVED}}
{{#FSE_REJECTED}}<p id="fse-status">Forskningsservice har ikke godkendt den studerende som bruger. Begrundelsen er: {{REASON}}</p>{{/FSE_REJECTED}}
{{#FSE_FORM}}{{#RETURNED}}<div class="alert alert-warning"><div class="alert-body"><p class="alert-text">Forskningsservice har sendt anmodningen tilbage: {{REASON}}</p></div></div>{{/RETURNED}}
<p>Som autorisationsansvarlig sender du den studerende til Forskningsservice, som godkender alle brugere. Har den studerende allerede et FSE-bruger-id, bekræfter Forskningsservice det; ellers opretter Forskningsservice den studerende som ny bruger.</p>
<form method="post" action="/studerende/fse" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="sag" value="{{SAG}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <div class="form-group{{#HAS_ID_ERROR}} form-error{{/HAS_ID_ERROR}}">
    <fieldset{{#HAS_ID_ERROR}} aria-describedby="har_id-error"{{/HAS_ID_ERROR}}>
      <legend class="form-label" id="har_id">Har den studerende et FSE-bruger-id?</legend>
      {{#HAS_ID_ERROR}}<span class="form-error-message" id="har_id-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/HAS_ID_ERROR}}
      <ul class="nobullet-list">
        <li><input class="form-radio radio-large" type="radio" id="har_id_ja" name="har_id" value="ja"{{#HAS_ID}} checked{{/HAS_ID}}><label for="har_id_ja">Ja</label></li>
        <li><input class="form-radio radio-large" type="radio" id="har_id_nej" name="har_id" value="nej"{{#NO_ID}} checked{{/NO_ID}}><label for="har_id_nej">Nej, Forskningsservice skal oprette den studerende som ny bruger</label></li>
      </ul>
    </fieldset>
  </div>
  <div class="form-group{{#FSE_ID_ERROR}} form-error{{/FSE_ID_ERROR}}">
    <label class="form-label" for="fse_bruger_id">FSE-bruger-id</label>
    <span class="form-hint" id="fse_bruger_id-hint">Kun hvis den studerende har et.</span>
    {{#FSE_ID_ERROR}}<span class="form-error-message" id="fse_bruger_id-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/FSE_ID_ERROR}}
    <input class="form-input input-width-s" type="text" id="fse_bruger_id" name="fse_bruger_id" value="{{FSE_ID}}" aria-describedby="fse_bruger_id-hint{{#FSE_ID_ERROR}} fse_bruger_id-error{{/FSE_ID_ERROR}}"{{#FSE_ID_ERROR}} aria-invalid="true"{{/FSE_ID_ERROR}}>
  </div>
  <button type="submit" class="button button-primary">Send til Forskningsservice</button>
</form>{{/FSE_FORM}}

{{#ACCESS}}<h2 id="adgang">Adgang til projektet</h2>
{{#LIVE}}<p id="adgang-nu">Den studerende har adgang til projektet <strong>{{NUMBER}} {{TITLE}}</strong> siden {{AT}} (givet af {{BY}}). En studerende har adgang til ét projekt ad gangen.</p>{{/LIVE}}
{{#NONE}}<p id="adgang-nu">Den studerende har endnu ikke adgang til et projekt. En administrator giver adgangen.</p>{{/NONE}}{{/ACCESS}}
{{#PERIOD}}<p id="slutdato">Adgangen slutter af sig selv <strong>{{ENDS}}</strong>, når specialeperioden er slut. Den studerende, vejlederen og administratorerne får en påmindelse 30 og 7 dage før.</p>{{/PERIOD}}
{{#ENDED}}<p id="adgang-slut">Adgangen til projektet sluttede {{AT}}: {{WHY}} ({{BY}}).{{#NOTE}} Bemærkning: {{TEXT}}{{/NOTE}}</p>{{/ENDED}}
{{#SANCTION}}<div class="alert alert-error" id="suspenderet"><div class="alert-body"><p class="alert-heading">Adgangen er suspenderet</p><p class="alert-text">{{BY}} suspenderede adgangen {{AT}} for brud på sikkerhedsreglerne: {{REASON}}</p></div></div>{{/SANCTION}}
{{#ACCESS_ACTIONS}}{{#GRANT}}<form method="post" action="/studerende/adgang">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="sag" value="{{SAG}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <p>Vejlederen har bedt om adgang til projektet {{NUMBER}} {{TITLE}}. Når du giver adgangen, får den studerende en invitation på e-mail til rollen som specialestuderende.</p>
  <button type="submit" class="button button-primary">Giv adgang til projektet</button>
</form>{{/GRANT}}
{{#MOVE}}<h3>Flyt adgangen til et andet projekt</h3>
{{#NO_OTHER}}<p>Autorisationen har ikke andre godkendte projekter at flytte til.</p>{{/NO_OTHER}}
<form method="post" action="/studerende/flyt" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="sag" value="{{SAG}}">
  <div class="form-group{{#PROJECT_ERROR}} form-error{{/PROJECT_ERROR}}">
    <label class="form-label" for="flyt_projekt">Nyt projekt</label>
    {{#PROJECT_ERROR}}<span class="form-error-message" id="flyt_projekt-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/PROJECT_ERROR}}
    <select class="form-select" id="flyt_projekt" name="projekt"{{#PROJECT_ERROR}} aria-describedby="flyt_projekt-error" aria-invalid="true"{{/PROJECT_ERROR}}>
      <option value="">Vælg et projekt</option>
      {{#OPTION}}<option value="{{VALUE}}">{{NUMBER}} {{TITLE}}</option>
      {{/OPTION}}</select>
  </div>
  <div class="form-group{{#REASON_ERROR}} form-error{{/REASON_ERROR}}">
    <label class="form-label" for="flyt_begrundelse">Hvorfor skal den studerende flyttes?</label>
    {{#REASON_ERROR}}<span class="form-error-message" id="flyt_begrundelse-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/REASON_ERROR}}
    <textarea class="form-input" id="flyt_begrundelse" name="begrundelse" rows="2"{{#REASON_ERROR}} aria-describedby="flyt_begrundelse-error" aria-invalid="true"{{/REASON_ERROR}}>{{REASON:pre_escape}}</textarea>
  </div>
  <button type="submit" class="button button-secondary">Flyt adgangen</button>
</form>{{/MOVE}}{{/ACCESS_ACTIONS}}
{{#EXTEND}}<h3 id="forlaeng">{{#REOPEN}}Forlæng perioden og åbn adgangen igen{{/REOPEN}}{{#LIVE_PERIOD}}Forlæng specialeperioden{{/LIVE_PERIOD}}</h3>
<form method="post" action="/studerende/forlaeng" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="sag" value="{{SAG}}">
  <div class="form-group{{#ERROR_forlaeng_slutdato}} form-error{{/ERROR_forlaeng_slutdato}}">
    <label class="form-label" for="forlaeng_slutdato">Ny slutdato</label>
    <span class="form-hint" id="forlaeng_slutdato-hint">Fx 30-09-2027. Adgangen slutter den dag.</span>
    {{#ERROR_forlaeng_slutdato}}<span class="form-error-message" id="forlaeng_slutdato-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_forlaeng_slutdato}}
    <input class="form-input input-width-s" type="text" id="forlaeng_slutdato" name="slutdato" value="{{VALUE_forlaeng_slutdato}}" aria-describedby="forlaeng_slutdato-hint{{#ERROR_forlaeng_slutdato}} forlaeng_slutdato-error{{/ERROR_forlaeng_slutdato}}"{{#ERROR_forlaeng_slutdato}} aria-invalid="true"{{/ERROR_forlaeng_slutdato}}>
  </div>
  <div class="form-group{{#ERROR_forlaeng_begrundelse}} form-error{{/ERROR_forlaeng_begrundelse}}">
    <label class="form-label" for="forlaeng_begrundelse">Hvorfor forlænges perioden?</label>
    {{#ERROR_forlaeng_begrundelse}}<span class="form-error-message" id="forlaeng_begrundelse-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_forlaeng_begrundelse}}
    <textarea class="form-input" id="forlaeng_begrundelse" name="begrundelse" rows="2"{{#ERROR_forlaeng_begrundelse}} aria-describedby="forlaeng_begrundelse-error" aria-invalid="true"{{/ERROR_forlaeng_begrundelse}}>{{VALUE_forlaeng_begrundelse:pre_escape}}</textarea>
  </div>
  <button type="submit" class="button button-secondary">Forlæng perioden</button>
</form>{{/EXTEND}}
{{#END}}<h3 id="afslut">Afslut adgangen efter specialet</h3>
<p>Når specialet er bestået eller opgivet, afslutter du den studerendes adgang. Den studerende og vejlederen får en e-mail. Gør du ingenting, slutter adgangen af sig selv på slutdatoen.</p>
<form method="post" action="/studerende/afslut" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="sag" value="{{SAG}}">
  <div class="form-group{{#ERROR_afslut_aarsag}} form-error{{/ERROR_afslut_aarsag}}">
    <fieldset{{#ERROR_afslut_aarsag}} aria-describedby="afslut_aarsag-error"{{/ERROR_afslut_aarsag}}>
      <legend class="form-label" id="afslut_aarsag">Hvorfor afsluttes adgangen?</legend>
      {{#ERROR_afslut_aarsag}}<span class="form-error-message" id="afslut_aarsag-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_afslut_aarsag}}
      <ul class="nobullet-list">
        <li><input class="form-radio radio-large" type="radio" id="afslut_bestaaet" name="aarsag" value="bestaaet"{{#CHOSE_PASSED}} checked{{/CHOSE_PASSED}}><label for="afslut_bestaaet">Specialet er bestået</label></li>
        <li><input class="form-radio radio-large" type="radio" id="afslut_opgivet" name="aarsag" value="opgivet"{{#CHOSE_ABANDONED}} checked{{/CHOSE_ABANDONED}}><label for="afslut_opgivet">Specialet er opgivet</label></li>
      </ul>
    </fieldset>
  </div>
  <div class="form-group{{#ERROR_afslut_bemaerkning}} form-error{{/ERROR_afslut_bemaerkning}}">
    <label class="form-label" for="afslut_bemaerkning">Bemærkning (kan udelades)</label>
    {{#ERROR_afslut_bemaerkning}}<span class="form-error-message" id="afslut_bemaerkning-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_afslut_bemaerkning}}
    <textarea class="form-input" id="afslut_bemaerkning" name="bemaerkning" rows="2"{{#ERROR_afslut_bemaerkning}} aria-describedby="afslut_bemaerkning-error" aria-invalid="true"{{/ERROR_afslut_bemaerkning}}>{{VALUE_afslut_bemaerkning:pre_escape}}</textarea>
  </div>
  <button type="submit" class="button button-secondary">Afslut adgangen</button>
</form>{{/END}}
{{#SUSPEND}}<h3 id="suspender">Suspender adgangen</h3>
<p>Har den studerende brudt sikkerhedsreglerne, kan du suspendere adgangen, til sagen er afklaret. Forskningsservice får besked med begrundelsen.</p>
<form method="post" action="/studerende/suspender" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="sag" value="{{SAG}}">
  <div class="form-group{{#ERROR_sanktion_begrundelse}} form-error{{/ERROR_sanktion_begrundelse}}">
    <label class="form-label" for="sanktion_begrundelse">Hvilket brud på sikkerhedsreglerne drejer det sig om?</label>
    {{#ERROR_sanktion_begrundelse}}<span class="form-error-message" id="sanktion_begrundelse-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_sanktion_begrundelse}}
    <textarea class="form-input" id="sanktion_begrundelse" name="begrundelse" rows="2"{{#ERROR_sanktion_begrundelse}} aria-describedby="sanktion_begrundelse-error" aria-invalid="true"{{/ERROR_sanktion_begrundelse}}>{{VALUE_sanktion_begrundelse:pre_escape}}</textarea>
  </div>
  <button type="submit" class="button button-secondary">Suspender adgangen</button>
</form>{{/SUSPEND}}
{{#LIFT}}<h3 id="ophaev">Ophæv suspenderingen</h3>
<form method="post" action="/studerende/ophaev" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="sag" value="{{SAG}}">
  <div class="form-group{{#ERROR_ophaev_begrundelse}} form-error{{/ERROR_ophaev_begrundelse}}">
    <label class="form-label" for="ophaev_begrundelse">Hvorfor ophæves suspenderingen?</label>
    {{#ERROR_ophaev_begrundelse}}<span class="form-error-message" id="ophaev_begrundelse-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/ERROR_ophaev_begrundelse}}
    <textarea class="form-input" id="ophaev_begrundelse" name="begrundelse" rows="2"{{#ERROR_ophaev_begrundelse}} aria-describedby="ophaev_begrundelse-error" aria-invalid="true"{{/ERROR_ophaev_begrundelse}}>{{VALUE_ophaev_begrundelse:pre_escape}}</textarea>
  </div>
  <button type="submit" class="button button-secondary">Ophæv suspenderingen</button>
</form>{{/LIFT}}

{{#EXPORTS}}<p id="hjemtagelse"><a href="/studerende/hjemtagelse/anmodninger?id={{ID}}&amp;sag={{SAG}}">Den studerendes anmodninger om at hjemtage resultater</a>{{#WAITING}} ({{COUNT}} venter på dig){{/WAITING}}</p>{{/EXPORTS}}

{{#ADMIN_ACTIONS}}<h2 id="administrator">Som administrator</h2>
<p>Vejlederen beder dig om at tilknytte den studerende. Se oplysningerne og det underskrevne bilag 1 ovenfor. Er der noget, vejlederen skal rette, så send sagen tilbage med en besked.</p>
<form method="post" action="/studerende/tilbage" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="sag" value="{{SAG}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  <div class="form-group{{#REASON_ERROR}} form-error{{/REASON_ERROR}}">
    <label class="form-label" for="begrundelse">Hvad skal vejlederen rette?</label>
    {{#REASON_ERROR}}<span class="form-error-message" id="begrundelse-error"><span class="sr-only">Fejl: </span>{{MESSAGE}}</span>{{/REASON_ERROR}}
    <textarea class="form-input" id="begrundelse" name="begrundelse" rows="3"{{#REASON_ERROR}} aria-describedby="begrundelse-error" aria-invalid="true"{{/REASON_ERROR}}>{{REASON:pre_escape}}</textarea>
  </div>
  <button type="submit" class="button button-secondary">Send tilbage til vejlederen</button>
</form>{{/ADMIN_ACTIONS}}

<h2 id="tjekliste">Det venter adgangen på</h2>
{{#ACCESS_ACTIVE}}<p id="adgang-status"><strong>Adgangen er aktiv:</strong> alt herunder er på plads.</p>{{/ACCESS_ACTIVE}}{{#ACCESS_WAITING}}<p id="adgang-status"><strong>Adgangen er ikke aktiv.</strong> Den bliver aktiv, når alt herunder er på plads.</p>{{/ACCESS_WAITING}}
<ul class="nobullet-list" id="tjek">
{{#CHECK}}  <li>{{#DONE}}<strong>Klar:</strong>{{/DONE}}{{#NOT_YET}}<strong>Endnu ikke:</strong>{{/NOT_YET}} {{TEXT}}{{#WHO}} ({{TEXT}}){{/WHO}}</li>
{{/CHECK}}</ul>

<h2 id="forloeb">Den studerendes adgang, trin for trin</h2>
{{#NO_TIMELINE}}<p>Der er ikke sket noget med adgangen endnu.</p>{{/NO_TIMELINE}}
{{#HAS_TIMELINE}}<ul id="forloeb-liste">
{{#TIMELINE}}  <li>{{AT}}: {{WHAT}} ({{BY}}){{#WHY}}: {{TEXT}}{{/WHY}}</li>
{{/TIMELINE}}</ul>{{/HAS_TIMELINE}}

<h2 id="historik">Sagens historik</h2>
<ul id="historik-liste">
{{#EVENT}}  <li>{{AT}}: {{STATE_LABEL}} ({{BY}}){{#WHY}}: {{TEXT}}{{/WHY}}</li>
{{/EVENT}}</ul>
