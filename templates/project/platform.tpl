{{%AUTOESCAPE context="HTML"}}
{{! R17: the responsible states where the students analyse data. }}
<h1>Analyseplatform</h1>
<p class="font-lead">{{INSTITUTION}}, uddannelsesautorisation {{NUMBER}}.</p>
<p>De studerende analyserer data på Forskermaskinen hos Danmarks Statistik. Institutionen kan i stedet bruge sin egen hostede server udvidet med et drev. Drevet aftaler og betaler institutionen med servicedesk@dst.dk.</p>
{{>ERROR_SUMMARY}}
<form method="post" action="/projekt/platform" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
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
  <button type="submit" class="button button-primary">Gem analyseplatformen</button>
</form>
<p><a href="/projekt?id={{ID}}">Tilbage til projektindstillingerne</a></p>
