{{%AUTOESCAPE context="HTML"}}
{{! The way on from "you can use the scheme": an account, then the application (issue 11). }}
<div class="next-steps" id="videre">
  <p>Du skal have en konto med din e-mailadresse fra institutionen for at søge. Ansøgningen gemmes undervejs, så du kan gøre den færdig senere.</p>
  <p><a class="button button-primary" href="/ansoegning">Start ansøgningen</a> <a class="button button-secondary" href="/konto/opret">Opret en konto</a></p>
  <p>Har du allerede en konto, fører »Start ansøgningen« dig forbi login og videre til ansøgningen.</p>
</div>
