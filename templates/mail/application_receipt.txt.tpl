{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{NAME:none}}

Tak for din ansøgning om uddannelsesautorisation for {{INSTITUTION:none}} (sag {{ID:none}}).
Vi har modtaget den {{DATE:none}}.

Hvad sker der nu?
Forskningsservice i Danmarks Statistik behandler ansøgningen. Vi godkender den, afviser den med en
begrundelse eller sender den tilbage til dig med besked om, hvad der skal rettes. Du får en e-mail,
hver gang der sker noget, og du kan altid se status under Mine sager:

{{LINK:none}}

Hvor lang tid tager det?
Vores mål er at svare inden for {{SERVICE_DAYS:none}} arbejdsdage.

Venlig hilsen
Danmarks Statistik, Forskningsservice
