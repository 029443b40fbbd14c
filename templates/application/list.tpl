{{%AUTOESCAPE context="HTML"}}
{{! Mine sager (R32): the user's own cases, their state, last change, and what waits for them. }}
<h1>Mine sager</h1>
{{>CAP_REFUSED}}
{{#SENT}}<div class="alert alert-success" role="status"><div class="alert-body"><h2 class="alert-heading">Ansøgningen er sendt</h2><p class="alert-text">Forskningsservice i Danmarks Statistik har modtaget din ansøgning, og du har fået en kvittering på e-mail. Målet er svar inden for {{SERVICE_DAYS}} arbejdsdage. Vi skriver til dig, når der er nyt.</p></div></div>{{/SENT}}
{{#WITHDRAWN}}<div class="alert alert-success" role="status"><div class="alert-body"><h2 class="alert-heading">Ansøgningen er trukket tilbage</h2><p class="alert-text">Den kan ikke åbnes igen. Havde Forskningsservice den, har de fået besked. Du kan altid starte en ny ansøgning.</p></div></div>{{/WITHDRAWN}}
<p class="font-lead">Her er de sager, du har oprettet, hvad status er, og hvad der venter på dig.</p>
{{#HAS_TO_SIGN}}<h2>Venter på din underskrift</h2>
<p>Som underskriver bekræfter du på institutionens vegne, at projektet er lovligt efter databeskyttelsesforordningen.</p>
<ul id="til-underskrift">
{{#TO_SIGN}}<li><a href="/projekt/sag?id={{AUTH}}&amp;sag={{SAG}}">{{TITLE}}</a> (uddannelsesautorisation {{NUMBER}})</li>
{{/TO_SIGN}}</ul>{{/HAS_TO_SIGN}}
{{#HAS_TO_ATTACH}}<h2>Specialestuderende, der venter på dig</h2>
<p>Vejlederne har sendt disse studerende til autorisationens administratorer. Den autorisationsansvarlige sender dem til Forskningsservice, som godkender dem som brugere.</p>
<ul id="til-tilknytning">
{{#TO_ATTACH}}<li><a href="/studerende/sag?id={{AUTH}}&amp;sag={{SAG}}">{{NAME}}</a> (vejleder {{SUPERVISOR}}, uddannelsesautorisation {{NUMBER}})</li>
{{/TO_ATTACH}}</ul>{{/HAS_TO_ATTACH}}
{{#HAS_TO_EXPORT}}<h2>Resultater, dine studerende vil tage med hjem</h2>
<p>Tjek filerne efter Forskningsservices tjekliste, og godkend eller afvis anmodningen.</p>
<ul id="til-hjemtagelse">
{{#TO_EXPORT}}<li><a href="/studerende/hjemtagelse/anmodning?id={{AUTH}}&amp;anmodning={{REQUEST}}">{{NAME}}</a> (sendt {{AT}}, uddannelsesautorisation {{NUMBER}})</li>
{{/TO_EXPORT}}</ul>{{/HAS_TO_EXPORT}}
{{#HAS_ENDING}}<h2>Specialeperioder, der snart slutter</h2>
<p>Adgangen til data slutter af sig selv på slutdatoen. En administrator kan forlænge perioden eller afslutte adgangen, når specialet er bestået.</p>
<ul id="snart-slut">
{{#ENDING}}<li><a href="/studerende/sag?id={{AUTH}}&amp;sag={{SAG}}">{{NAME}}</a> (slutter {{ENDS}}, uddannelsesautorisation {{NUMBER}})</li>
{{/ENDING}}</ul>{{/HAS_ENDING}}
{{#HAS_ROLE_CASES}}<h2>På dine autorisationer</h2>
<p>Projektindstillinger, som andre arbejder på, på de autorisationer, hvor du har en rolle.</p>
<ul id="i-dine-roller">
{{#ROLE_CASE}}<li><a href="/projekt/sag?id={{AUTH}}&amp;sag={{SAG}}">{{TITLE}}</a> (uddannelsesautorisation {{NUMBER}}): {{STATE}}, senest ændret {{CHANGED}}</li>
{{/ROLE_CASE}}</ul>{{/HAS_ROLE_CASES}}
{{#NONE}}<p>Du har ingen sager endnu.</p>{{/NONE}}
{{#NONE_IN_ROLES}}<p>Der er ingen sager, der venter på dig lige nu. Dine roller og autorisationer finder du under <a href="/autorisation">Mine autorisationer</a>.</p>{{/NONE_IN_ROLES}}
{{#HAS_ANY}}<table class="table table-md-responsive-headers">
  <caption class="sr-only">Dine sager</caption>
  <thead><tr><th scope="col">Sag</th><th scope="col">Type</th><th scope="col">Titel</th><th scope="col">Status</th><th scope="col">Senest ændret</th><th scope="col">Venter på dig</th></tr></thead>
  <tbody>
  {{#CASE}}<tr><td data-title="Sag">{{ID}}</td><td data-title="Type">{{TYPE}}</td><td data-title="Titel">{{TITLE}}</td><td data-title="Status">{{STATE}}{{#FSE_NOTE}}<br><span class="font-small">Forskningsservice skriver: <span class="pre-line">{{TEXT:pre_escape}}</span></span>{{/FSE_NOTE}}</td><td data-title="Senest ændret">{{CHANGED}}</td><td data-title="Venter på dig">{{#TODO}}<a href="{{HREF}}">{{TEXT}}<span class="sr-only"> (sag {{ID}})</span></a>{{/TODO}}{{#NOTHING}}Intet lige nu{{/NOTHING}}{{#WITHDRAW}}<br><a href="{{PATH}}?id={{ID}}">Træk tilbage<span class="sr-only"> (sag {{ID}})</span></a>{{/WITHDRAW}}</td></tr>
  {{/CASE}}</tbody>
</table>{{/HAS_ANY}}
{{#APPLY_PRIMARY}}<h2>Søg om en uddannelsesautorisation</h2>
<p>Ansøgningen har fem trin. Du kan gemme en kladde undervejs og komme tilbage senere. Når du har sendt ansøgningen, behandler Forskningsservice i Danmarks Statistik den. Målet er, at du har svar inden for {{SERVICE_DAYS}} arbejdsdage.</p>
<form method="post" action="/ansoegning/ny">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <button type="submit" class="button button-primary">Start en ny ansøgning</button>
</form>{{/APPLY_PRIMARY}}
{{#APPLY_SECONDARY}}<h2>Skal en anden institution have en uddannelsesautorisation?</h2>
<p>Det er kun nødvendigt, hvis et fakultet, institut eller center, der ikke allerede har en autorisation, vil bruge ordningen. Ansøgningen har fem trin, og Forskningsservice svarer inden for {{SERVICE_DAYS}} arbejdsdage.</p>
<form method="post" action="/ansoegning/ny">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="engangsnoegle" value="{{SUBMIT_KEY}}">
  <button type="submit" class="button button-secondary">Start en ny ansøgning</button>
</form>{{/APPLY_SECONDARY}}
