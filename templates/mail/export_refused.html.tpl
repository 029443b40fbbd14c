{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>Din vejleder, {{SUPERVISOR}}, har tjekket de resultater, du bad om at hjemtage, og kan ikke godkende dem. Begrundelsen er:</p>
<blockquote style="white-space: pre-line">{{REASON}}</blockquote>
<h2>Hvad kan du gøre?</h2>
<p>Ret filerne efter begrundelsen, og <a href="{{LINK}}">send en ny anmodning</a> på Specialeportalen under Hjemtag resultater. Er du i tvivl, så tal med din vejleder.</p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
