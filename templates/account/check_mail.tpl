{{%AUTOESCAPE context="HTML"}}
<h1>Tjek din e-mail</h1>
<p class="font-lead">Vi har sendt en e-mail med et link. Klik på linket for at bekræfte din
e-mailadresse. Linket virker i {{VERIFY_HOURS}} timer.</p>
<p>Kan du ikke finde mailen, så se efter i din spam-mappe. Afsenderen er Danmarks Statistik,
Forskningsservice. Kommer der ingen mail inden for et kvarter, kan du prøve at
<a href="/konto/log-ind">logge ind</a>: så sender vi et nyt link.</p>
