{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej

Du er tilknyttet Specialeordningen hos {{INSTITUTION:none}} (uddannelsesautorisation
{{NUMBER:none}}) og har fået adgang til data i det brede projekt {{PROJECT_NUMBER:none}}
{{PROJECT_TITLE:none}}. Din vejleder er {{SUPERVISOR:none}}. {{INVITER:none}} har givet adgangen.

Hvad skal du gøre?
Tag imod invitationen til rollen som specialestuderende her:

{{LINK:none}}

Du skal være logget ind med denne e-mailadresse. Har du ikke en konto, kan du oprette en. Når
du har taget imod, ser du dit projekt og en liste over, hvad der mangler, før du kan arbejde med
data, blandt andet at acceptere brugeraftalen. Linket virker i {{INVITE_DAYS:none}} dage.

Venlig hilsen
Danmarks Statistik, Forskningsservice
