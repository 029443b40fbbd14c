{{%AUTOESCAPE context="HTML"}}
{{! R17: no proposal before the authorisation's analysis platform is stated. }}
<h1>Analyseplatformen mangler</h1>
<p class="font-lead">Der kan ikke skrives projektindstillinger under uddannelsesautorisation {{NUMBER}} endnu.</p>
<p>Før den første projektindstilling skal den autorisationsansvarlige oplyse, hvor de studerende skal analysere data: på Forskermaskinen hos Danmarks Statistik eller på institutionens egen hostede server med et drev, som institutionen aftaler med servicedesk@dst.dk.</p>
{{#CAN_SET}}<p><a class="button button-primary" href="/projekt/platform?id={{ID}}">Oplys analyseplatformen</a></p>{{/CAN_SET}}
{{#ASK_RESPONSIBLE}}<p>Bed den autorisationsansvarlige om at oplyse platformen på siden <a href="/projekt/platform?id={{ID}}">Analyseplatform</a>. Du får ikke besked automatisk, når det er sket.</p>{{/ASK_RESPONSIBLE}}
<p><a href="/projekt?id={{ID}}">Tilbage til projektindstillingerne</a></p>
