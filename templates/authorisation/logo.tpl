{{%AUTOESCAPE context="HTML"}}
{{! The institution's logo: Annex 1 (the research-potential document) carries it (R26). }}
<h1>Institutionens logo</h1>
{{>CAP_REFUSED}}
<p class="font-lead">{{INSTITUTION}}, uddannelsesautorisation {{NUMBER}}.</p>
<p>Logoet står øverst på forskningshøjdedokumentet (bilag 1), som vejlederen udfylder for hver specialestuderende. Det skal være institutionens eller universitetets logo.</p>
{{#NOTICE_SAVED}}<div class="alert alert-success" role="status"><svg class="icon-svg alert-icon" aria-label="Succes" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#success"></use></svg><div class="alert-body"><p class="alert-text">Logoet er gemt. Det bruges fra nu af på nye forskningshøjdedokumenter. Det tidligere logo står i historikken.</p></div></div>{{/NOTICE_SAVED}}
{{>ERROR_SUMMARY}}
<h2>Logoet nu</h2>
{{#LOGO}}<figure class="logo-figure">
  <img class="logo-image" src="/fil?id={{FILE_ID}}" alt="Logo for {{INSTITUTION}}" width="{{WIDTH}}" height="{{HEIGHT}}">
  <figcaption>{{NAME}}, {{WIDTH}} × {{HEIGHT}} pixel, {{SIZE}}. Uploadet {{UPLOADED_AT}} af {{UPLOADER}}.</figcaption>
</figure>{{/LOGO}}
{{#NO_LOGO}}<p id="intet-logo">Der er ikke uploadet et logo endnu.{{#ASK_RESPONSIBLE}} Den autorisationsansvarlige uploader det her på siden.{{/ASK_RESPONSIBLE}}</p>{{/NO_LOGO}}
{{#UPLOAD}}
<h2>Upload et nyt logo</h2>
<form method="post" action="/autorisation/logo" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <input type="hidden" name="id" value="{{ID}}">
  <div class="form-group{{#ERROR_logo}} form-error{{/ERROR_logo}}">
    <label class="form-label" for="logo">Fil med logoet</label>
    <span class="form-hint" id="logo-hint">Et billede i PNG eller JPEG på højst {{MAX_SIZE}} og {{MAX_SIDE}} × {{MAX_SIDE}} pixel. Et nyt logo erstatter det nuværende; det gamle står i historikken.</span>
    {{#ERROR_logo}}<span class="form-error-message" id="logo-error"><span class="sr-only">Fejl: </span>{{MESSAGE}} Vælg filen igen.</span>{{/ERROR_logo}}
    <input class="form-input" type="file" id="logo" name="logo" accept="image/png,image/jpeg" aria-describedby="logo-hint{{#ERROR_logo}} logo-error{{/ERROR_logo}}"{{#ERROR_logo}} aria-invalid="true"{{/ERROR_logo}}>
  </div>
  <button type="submit" class="button button-primary">Upload logoet</button>
</form>
{{/UPLOAD}}
<h2>Historik</h2>
{{#NO_HISTORY}}<p>Ingen tidligere logoer.</p>{{/NO_HISTORY}}
{{#HAS_HISTORY}}<ul class="nobullet-list file-history">
{{#OLD}}<li><a href="/fil?id={{FILE_ID}}">{{NAME}}</a>, {{WIDTH}} × {{HEIGHT}} pixel, {{SIZE}}. Uploadet {{UPLOADED_AT}} af {{UPLOADER}}. {{#CURRENT}}<strong>Bruges nu.</strong>{{/CURRENT}}{{#REPLACED}}Erstattet.{{/REPLACED}}</li>
{{/OLD}}</ul>{{/HAS_HISTORY}}
<p><a href="/autorisation/roller?id={{ID}}">Til roller og historik</a> · <a href="/autorisation">Til mine autorisationer</a></p>
