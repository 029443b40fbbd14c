{{%AUTOESCAPE context="HTML"}}
<p>Hej</p>
<p>Du er tilknyttet Specialeordningen hos {{INSTITUTION}} (uddannelsesautorisation {{NUMBER}}) og har
fået adgang til data i det brede projekt {{PROJECT_NUMBER}} {{PROJECT_TITLE}}. Din vejleder er
{{SUPERVISOR}}. {{INVITER}} har givet adgangen.</p>
<h2>Hvad skal du gøre?</h2>
<p><a href="{{LINK}}">Tag imod invitationen til rollen som specialestuderende</a>.</p>
<p>Du skal være logget ind med denne e-mailadresse. Har du ikke en konto, kan du oprette en. Når du
har taget imod, ser du dit projekt og en liste over, hvad der mangler, før du kan arbejde med
data, blandt andet at acceptere brugeraftalen. Linket virker i {{INVITE_DAYS}} dage.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
