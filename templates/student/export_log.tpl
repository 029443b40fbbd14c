{{%AUTOESCAPE context="HTML"}}
{{! The authorisation's log of results taken home (issue 14; R13, R22, R33): for the responsible, the administrators and FSE. }}
<p><a href="/studerende?id={{ID}}">Tilbage til de specialestuderende</a></p>
<h1>Log over hjemtagne resultater</h1>
<p class="font-lead">{{INSTITUTION}}, uddannelsesautorisation {{NUMBER}}.</p>
<p>Her er alle anmodninger om at hjemtage resultater fra autorisationens specialestuderende, den nyeste først: hvem der bad om det og hvornår, hvilken vejleder der besluttede og hvornår, og for hver godkendt anmodning de filer, der blev hjemtaget, med størrelse og kontrolsum (SHA-256). Med kontrolsummen kan I se, om en fil er præcis den, der blev godkendt.</p>
{{#MORE}}<p>Der vises de nyeste {{SHOWN}} anmodninger.</p>{{/MORE}}
{{#NO_REQUESTS}}<p id="ingen-anmodninger">Ingen studerende har bedt om at hjemtage resultater endnu.</p>{{/NO_REQUESTS}}
{{#HAS_REQUESTS}}<ul class="nobullet-list" id="log">
{{#REQUEST}}<li id="anmodning-{{REQUEST_ID}}">
  <h2 class="h3">{{STUDENT}}: {{STATE_LABEL}}</h2>
  <dl>
    <dt>Bedt om af</dt><dd>{{ASKED_BY}}, {{ASKED_AT}} ({{FILES}} fil(er))</dd>
    <dt>Vejleder</dt><dd>{{SUPERVISOR}}</dd>
    {{#UNDECIDED}}<dt>Afgørelse</dt><dd>Venter på vejlederen</dd>{{/UNDECIDED}}
    {{#DECIDED}}<dt>Besluttet af</dt><dd>{{BY}}, {{AT}}{{#RULES}} (efter tjeklisten, udgave {{VERSION}}){{/RULES}}</dd>
    {{#NOTE}}<dt>Note</dt><dd class="pre-line">{{TEXT:pre_escape}}</dd>{{/NOTE}}
    {{#REASON}}<dt>Begrundelse</dt><dd class="pre-line">{{TEXT:pre_escape}}</dd>{{/REASON}}{{/DECIDED}}
  </dl>
  <ul class="hjemtaget">
  {{#RELEASED}}<li>Hjemtaget: {{NAME}}, {{SIZE_BYTES}} bytes ({{SIZE}}), SHA-256 <code>{{SHA256}}</code></li>
  {{/RELEASED}}</ul>
</li>
{{/REQUEST}}</ul>{{/HAS_REQUESTS}}
