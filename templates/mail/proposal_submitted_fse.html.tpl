{{%AUTOESCAPE context="HTML"}}
{{#RESUBMITTED}}<p><strong>Rettet og sendt igen efter tilbagesendelse.</strong></p>{{/RESUBMITTED}}
<p>Projektindstilling (sag {{SAG}}) under uddannelsesautorisation {{NUMBER}}</p>
<ul>
<li>Institution: {{INSTITUTION}}</li>
<li>Vejleder: {{SUPERVISOR}} &lt;{{SUPERVISOR_EMAIL}}&gt;</li>
<li>Underskrevet som lovlig af: {{SIGNER}}</li>
{{#FEE}}<li>Gebyr for indstillingen: {{AMOUNT}}</li>{{/FEE}}
</ul>
<dl>
{{#FIELD}}<dt>{{LABEL}}</dt><dd style="white-space: pre-line">{{VALUE:pre_escape}}</dd>
{{/FIELD}}</dl>
<p><a href="{{LINK}}">Åbn sagen i portalen</a></p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice</p>
