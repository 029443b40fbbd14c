{{%AUTOESCAPE context="HTML"}}
{{! R20: a student joins an approved broad project; before there is one, there is nothing to attach to. }}
<h1>Intet godkendt projekt endnu</h1>
<p class="font-lead">Der kan ikke tilknyttes specialestuderende under uddannelsesautorisation {{NUMBER}} endnu.</p>
<p>En studerende får adgang til data gennem et af autorisationens brede projekter. Når Forskningsservice har godkendt den første projektindstilling, kan du tilknytte studerende til projektet.</p>
<p><a href="/projekt?id={{ID}}">Se projektindstillingerne</a></p>
<p><a href="/studerende?id={{ID}}">Tilbage til de specialestuderende</a></p>
