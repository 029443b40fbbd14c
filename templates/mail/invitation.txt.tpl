{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej

{{INVITER:none}} har inviteret dig til rollen som {{ROLE:none}} hos {{INSTITUTION:none}} på
Specialeportalen, Danmarks Statistiks portal for Specialeordningen.

{{#CAN}}Som {{ROLE:none}} kan du {{WHAT:none}}.

{{/CAN}}Tag imod invitationen her:

{{LINK:none}}

Du skal være logget ind med denne e-mailadresse. Har du ikke en konto, kan du oprette en.
Linket virker i {{INVITE_DAYS:none}} dage. Har du spørgsmål, så kontakt den, der inviterede dig.

Venlig hilsen
Danmarks Statistik, Forskningsservice
