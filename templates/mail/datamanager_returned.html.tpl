{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Forskningsservice har sendt anmodningen om brugeradgang til datamanager {{PERSON}} tilbage til dig (uddannelsesautorisation {{NUMBER}}). Beskeden er:</p>
<blockquote style="white-space: pre-line">{{REASON}}</blockquote>
<h2>Hvad skal du gøre?</h2>
<p><a href="{{LINK}}">Ret anmodningen på siden om datamanagernes brugeradgang</a>, og send den igen.</p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
