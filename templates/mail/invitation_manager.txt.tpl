{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). The mail
    FSE's approval sends the personnel-responsible manager who has no account yet (R4.2). }}
Hej {{NAME:none}}

Danmarks Statistiks Forskningsservice har godkendt ansøgningen om uddannelsesautorisation for {{INSTITUTION:none}}. Autorisationens nummer er {{NUMBER:none}}.

I ansøgningen er du angivet som den personaleansvarlige leder. Det er dig, der skal være autorisationsansvarlig: du står inde for autorisationen og ser til, at reglerne for adgang til data og hjemtagelse af resultater bliver overholdt.{{#CAN}} Som {{ROLE:none}} kan du {{WHAT:none}}.{{/CAN}}

Du har endnu ingen konto på Specialeportalen. Indtil du overtager rollen, er ansøgeren, {{APPLICANT:none}}, autorisationsansvarlig.

Sådan overtager du rollen:
1. Åbn linket nedenfor.
2. Opret en konto med denne e-mailadresse, eller log ind, hvis du har fået en i mellemtiden.
3. Åbn linket igen, og vælg "Tag imod rollen".

{{LINK:none}}

Når du har taget imod, er du autorisationsansvarlig, og ansøgerens rolle ophører. Som autorisationsansvarlig skal du logge ind med en engangskode fra en app; portalen viser dig, hvordan du sætter den op.

Linket virker i {{INVITE_DAYS:none}} dage. Er det udløbet, så skriv til Forskningsservice.

Venlig hilsen
Danmarks Statistik, Forskningsservice
