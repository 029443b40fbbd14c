{{%AUTOESCAPE context="HTML"}}
{{! An authorisation's broad project proposals (issue 6): the platform (R17), how many of the five are used (R18), each proposal, and the fees so far (R23). }}
<h1>Projektindstillinger</h1>
<p class="font-lead">{{INSTITUTION}}, uddannelsesautorisation {{NUMBER}}.</p>
{{#NOTICE}}<div class="alert alert-{{KIND}}" role="{{ROLE}}"><svg class="icon-svg alert-icon" aria-label="{{LABEL}}" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#{{ICON}}"></use></svg><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/NOTICE}}
<h2>Analyseplatform</h2>
<p id="platform">{{PLATFORM}}</p>
{{#NO_PLATFORM}}<div class="alert alert-warning"><svg class="icon-svg alert-icon" aria-label="Bemærk" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#warning"></use></svg><div class="alert-body"><p class="alert-text">Før den første projektindstilling skal den autorisationsansvarlige oplyse, hvor de studerende skal analysere data: på Forskermaskinen eller på institutionens egen server.</p></div></div>{{/NO_PLATFORM}}
{{#CAN_SET_PLATFORM}}<p><a href="/projekt/platform?id={{ID}}">Oplys eller ret analyseplatformen</a></p>{{/CAN_SET_PLATFORM}}
<h2>De fem brede projekter</h2>
<p id="graense">Autorisationen har brugt <strong>{{USED}} af {{LIMIT}}</strong> projektindstillinger. Indstillinger, der er sendt, sendt tilbage til ændringer eller godkendt, tæller med. Kladder, afviste og tilbagetrukne tæller ikke.</p>
{{#LIMIT_REACHED}}<p>Der kan ikke sendes flere indstillinger, før en af dem er afvist eller trukket tilbage.</p>{{/LIMIT_REACHED}}
{{#CAN_CREATE}}<p><a class="button button-primary" href="/projekt/rediger?id={{ID}}">Skriv en ny projektindstilling</a></p>{{/CAN_CREATE}}
{{#NO_PROPOSALS}}<p>Der er ingen projektindstillinger endnu. En vejleder på autorisationen skriver dem, og en underskriver underskriver dem, før de sendes til Forskningsservice.</p>{{/NO_PROPOSALS}}
{{#HAS_PROPOSALS}}<table class="table table-md-responsive-headers" id="indstillinger">
  <caption class="sr-only">Projektindstillinger på autorisationen</caption>
  <thead><tr><th scope="col">Titel</th><th scope="col">Status</th><th scope="col">Underskrift</th><th scope="col">Projektnummer</th><th scope="col">Vejleder</th><th scope="col">Senest ændret</th></tr></thead>
  <tbody>
  {{#PROPOSAL}}<tr data-state="{{STATE}}"><td data-title="Titel"><a href="/projekt/sag?id={{ID}}&amp;sag={{SAG}}">{{TITLE}}</a></td><td data-title="Status">{{STATE_LABEL}}</td><td data-title="Underskrift">{{SIGNED}}</td><td data-title="Projektnummer">{{PROJECT_NUMBER}}</td><td data-title="Vejleder">{{BY}}</td><td data-title="Senest ændret">{{CHANGED}}</td></tr>
  {{/PROPOSAL}}</tbody>
</table>{{/HAS_PROPOSALS}}
<h2>Gebyrer</h2>
<p>En projektindstilling og en genindstilling (sendt igen efter at være sendt tilbage) koster det gebyr, der gælder den dag, den sendes. Data til de højst fem brede projekter er gratis. For hver specialestuderende opkræves brugergebyret, der gælder den dag, den studerendes adgang bliver aktiv; personer med særlige roller betaler ikke.</p>
{{#NO_FEES}}<p>Der er ingen gebyrer endnu.</p>{{/NO_FEES}}
{{#HAS_FEES}}<table class="table table-md-responsive-headers" id="gebyrer">
  <caption class="sr-only">Gebyrer på autorisationen</caption>
  <thead><tr><th scope="col">Dato</th><th scope="col">For</th><th scope="col">Beløb</th></tr></thead>
  <tbody>
  {{#FEE}}<tr><td data-title="Dato">{{DATE}}</td><td data-title="For">{{WHAT}}: {{TITLE}}</td><td data-title="Beløb">{{AMOUNT}}{{#DEMO}} (demoværdi){{/DEMO}}</td></tr>
  {{/FEE}}</tbody>
</table>{{/HAS_FEES}}
<p id="gebyr-i-alt">I alt: <strong>{{FEE_TOTAL}}</strong></p>
