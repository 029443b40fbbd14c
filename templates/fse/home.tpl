{{%AUTOESCAPE context="HTML"}}
{{! The FSE staff start page (GET /fse). The handler shows each part only to the roles the policy
    allows (lib/policy.c); the template decides nothing about access. }}
<h1>Forskningsservice</h1>
<p class="font-lead">Her er de sider på Specialeportalen, som kun medarbejdere i Forskningsservice
kan se.</p>
{{#CASES}}<h2><a href="/fse/sager">Sager, der venter på en afgørelse</a></h2>
<p>Ansøgninger om uddannelsesautorisation, projektindstillinger og anmodninger om at godkende specialestuderende som brugere, med den ældste først: godkend, send tilbage til rettelse eller afvis. Under alle sager ser I også de studerendes sager med deres underskrevne bilag 1.</p>
{{/CASES}}
{{#CERTIFICATION}}<h2><a href="/fse/certificering">Certificeringskursus</a></h2>
<p>Hvem der har bestået Danmarks Statistiks certificeringskursus: registrér en person eller en hel liste, og tilbagekald en beståelse.</p>
{{/CERTIFICATION}}
<h2><a href="/fse/brugeraftale">Brugeraftalen</a></h2>
<p>Den aftale, alle studerende accepterer, før de arbejder med data: se den gældende udgave, og offentliggør en ny.</p>
<h2><a href="/fse/hjemtagelsesregler">Regler for hjemtagelse</a></h2>
<p>Den tjekliste, vejlederne tjekker de studerendes resultater efter, før de må tages med hjem: se den gældende udgave, og offentliggør en ny.</p>
<h2><a href="/fse/takster">Takster</a></h2>
<p>Gebyrerne og den periode, hver takst gælder i: se den gældende takst, og tilføj en ny.</p>
{{#CAPS}}<h2><a href="/fse/graenser">Grænser, der er ramt</a></h2>
<p>Personer og netværksadresser, som portalen har afvist, fordi de har oprettet, sendt eller uploadet mere end grænsen. Det seneste døgn: <strong id="fse-caps">{{COUNT}}</strong>.</p>
{{/CAPS}}
{{#MAIL}}
<h2><a href="/fse/post">Post fra portalen</a></h2>
<p>Portalen sender alle sine mails gennem en kø. Se, hvilke mails der venter, er udsat eller ikke
kunne leveres, og send en mail igen, som ikke blev leveret.</p>
{{#SOME_DEAD}}<div class="alert alert-warning">
  <svg class="icon-svg alert-icon" aria-label="Advarsel" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#warning"></use></svg>
  <div class="alert-body">
    <p class="alert-text">Ikke leveret: <strong id="fse-dead">{{DEAD}}</strong>. Modtagerne har ikke
    fået disse mails. <a href="/fse/post?tilstand=dead">Se dem og send dem igen</a>.</p>
  </div>
</div>{{/SOME_DEAD}}
{{#NONE_DEAD}}<p>Alle mails er leveret eller på vej.</p>{{/NONE_DEAD}}
<p>Venter på at blive sendt: <strong id="fse-waiting">{{WAITING}}</strong>.</p>
{{/MAIL}}
{{#NOTHING_YET}}<p>Der er ingen sider til din rolle her endnu. Skriv til
<a href="mailto:{{FSE_MAILBOX}}">{{FSE_MAILBOX}}</a>, hvis du mangler adgang til noget.</p>{{/NOTHING_YET}}
