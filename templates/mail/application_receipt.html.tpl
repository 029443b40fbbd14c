{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Tak for din ansøgning om uddannelsesautorisation for {{INSTITUTION}} (sag {{ID}}). Vi har modtaget
den {{DATE}}.</p>
<h2>Hvad sker der nu?</h2>
<p>Forskningsservice i Danmarks Statistik behandler ansøgningen. Vi godkender den, afviser den med en
begrundelse eller sender den tilbage til dig med besked om, hvad der skal rettes. Du får en e-mail,
hver gang der sker noget, og du kan altid se status under <a href="{{LINK}}">Mine sager</a>.</p>
<h2>Hvor lang tid tager det?</h2>
<p>Vores mål er at svare inden for {{SERVICE_DAYS}} arbejdsdage.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
