{{%AUTOESCAPE context="XML"}}
{{! Plain text part: never read as markup, so every variable is :none (see lib/mail.h). }}
Hej

{{INVITER:none}} inviterede dig {{INVITED:none}} til rollen som {{ROLE:none}} hos
{{INSTITUTION:none}} (uddannelsesautorisation {{NUMBER:none}}) på Specialeportalen, Danmarks
Statistiks portal for Specialeordningen. Du har ikke taget imod invitationen endnu, og linket i
den holder op med at virke {{EXPIRES:none}}, altså {{WHEN:none}}.

Hvad skal du gøre?
Tag imod invitationen med linket i den mail, du fik {{INVITED:none}}. Du skal være logget ind
med denne e-mailadresse. Har du ikke en konto, kan du oprette en.

Kan du ikke finde mailen, eller er linket holdt op med at virke, så bed {{ASK_NAME:none}}
({{ASK_EMAIL:none}}) om at sende invitationen igen. Vil du ikke have rollen, skal du ikke gøre
noget.

Venlig hilsen
Specialeportalen, Danmarks Statistik
