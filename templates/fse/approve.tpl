{{%AUTOESCAPE context="HTML"}}
{{! The approval asks first (issue 11): what it creates, before it happens. }}
<h1>Godkend sagen?</h1>
<p class="font-lead">{{KIND}}: {{TITLE}}. {{FROM}}.</p>
<h2>Det sker, når du godkender</h2>
<ul id="godkendelsen-opretter">
{{#CREATES}}<li>{{TEXT}}</li>
{{/CREATES}}</ul>
{{#APPROVE_INPUT}}<p id="godkendelsens-vaerdi">{{LABEL}}: <strong>{{VALUE}}</strong></p>{{/APPROVE_INPUT}}
<p>Institutionen får besked på e-mail. En godkendelse kan ikke fortrydes her på siden.</p>
<form method="post" action="/fse/sag/afgoer" class="mb-5">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  <input type="hidden" name="handling" value="godkend">
  <input type="hidden" name="bekraeft" value="ja">
  {{#APPROVE_INPUT}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/APPROVE_INPUT}}
  <button type="submit" class="button button-primary">Ja, godkend</button>
</form>
<p><a href="/fse/sag?id={{ID}}">Nej, tilbage til sagen</a></p>
