{{%AUTOESCAPE context="HTML"}}
<p>Hej</p>
<p>{{INVITER}} inviterede dig {{INVITED}} til rollen som {{ROLE}} hos {{INSTITUTION}}
(uddannelsesautorisation {{NUMBER}}) på Specialeportalen, Danmarks Statistiks portal for
Specialeordningen. Du har ikke taget imod invitationen endnu, og linket i den holder op med at
virke {{EXPIRES}}, altså {{WHEN}}.</p>
<h2>Hvad skal du gøre?</h2>
<p>Tag imod invitationen med linket i den mail, du fik {{INVITED}}. Du skal være logget ind med
denne e-mailadresse. Har du ikke en konto, kan du oprette en.</p>
<p>Kan du ikke finde mailen, eller er linket holdt op med at virke, så bed {{ASK_NAME}}
(<a href="mailto:{{ASK_EMAIL}}">{{ASK_EMAIL}}</a>) om at sende invitationen igen. Vil du ikke have
rollen, skal du ikke gøre noget.</p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
