{{%AUTOESCAPE context="HTML"}}
<p>Hej</p>
<p>{{INVITER}} har inviteret dig til rollen som {{ROLE}} hos {{INSTITUTION}} på Specialeportalen,
Danmarks Statistiks portal for Specialeordningen.</p>
{{#CAN}}<p>Som {{ROLE}} kan du {{WHAT}}.</p>{{/CAN}}
<p><a href="{{LINK}}">Tag imod invitationen</a></p>
<p>Du skal være logget ind med denne e-mailadresse. Har du ikke en konto, kan du oprette en.
Linket virker i {{INVITE_DAYS}} dage.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
