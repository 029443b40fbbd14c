{{%AUTOESCAPE context="HTML"}}
<p>Hej</p>
<p>{{BY}} har trukket invitationen til rollen som {{ROLE}} hos {{INSTITUTION}} tilbage. Linket i
invitationen virker ikke længere, og du skal ikke gøre noget.</p>
<p>Har du spørgsmål, så kontakt {{BY}} eller den autorisationsansvarlige på institutionen.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
