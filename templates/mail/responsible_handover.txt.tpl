{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). The mail
    to the applicant whose interim responsible role ended because the personnel-responsible
    manager took it over (R4.2, R32; lib/invite.c, invite_accept). }}
Hej {{NAME:none}}

{{NEW_NAME:none}} ({{NEW_EMAIL:none}}) har taget imod rollen som autorisationsansvarlig for uddannelsesautorisationen {{NUMBER:none}} hos {{INSTITUTION:none}}.

Din rolle som autorisationsansvarlig var midlertidig, fordi den personaleansvarlige leder ikke havde en konto på Specialeportalen, da Forskningsservice godkendte ansøgningen. Den rolle er nu ophørt. Det står i autorisationens historik.

Hvad betyder det for dig?
- Du kan ikke længere invitere personer til autorisationen eller tilbagekalde deres roller. Det gør {{NEW_NAME:none}} nu.
- Du kan stadig se dine sager, også ansøgningen om uddannelsesautorisationen, under Mine sager:

{{LINK:none}}

Skal du have en anden rolle på autorisationen, fx som vejleder, så bed {{NEW_NAME:none}} om en invitation. Mener du, at det er en fejl, så skriv til Forskningsservice på {{FSE_MAILBOX:none}}.

Du skal ikke gøre andet.

Venlig hilsen
Danmarks Statistik, Forskningsservice
