{{%AUTOESCAPE context="HTML"}}
<p>Ansøgningen om uddannelsesautorisation (sag {{ID}}), {{TITLE}}, er trukket tilbage af ansøgeren,
{{APPLICANT}} &lt;{{APPLICANT_EMAIL}}&gt;. Den skal ikke behandles mere.</p>
<p>Ansøgerens begrundelse:</p>
<p style="white-space: pre-line">{{REASON:pre_escape}}</p>
<p><a href="{{LINK}}">Åbn sagen i portalen</a></p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
