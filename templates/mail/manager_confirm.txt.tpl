{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej {{MANAGER:none}}

{{APPLICANT:none}} ({{APPLICANT_EMAIL:none}}) søger på vegne af {{INSTITUTION:none}} om en
uddannelsesautorisation under Danmarks Statistiks Specialeordning og har angivet dig som
personaleansvarlig leder.

Som personaleansvarlig leder påtager du dig ansvaret for autorisationen og fører tilsyn med, at
dens regler overholdes, herunder at alle med adgang kender reglerne for adgang til data og for
hjemtagelse af resultater.

Læs mere og bekræft her (du skal ikke have en konto):

{{LINK:none}}

Linket kan bruges én gang og virker i {{DAYS:none}} dage. Er du ikke den rette, så gør ingenting,
og kontakt {{APPLICANT:none}}.

Venlig hilsen
Danmarks Statistik, Forskningsservice
