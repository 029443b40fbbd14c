{{%AUTOESCAPE context="HTML"}}
<p>Hej {{NAME}}</p>
<p>{{BY}} har afsluttet {{#TO_STUDENT}}din adgang til data{{/TO_STUDENT}}{{#TO_STAFF}}adgangen til data for {{STUDENT}}{{/TO_STAFF}} i Specialeordningen hos {{INSTITUTION}} (uddannelsesautorisation {{NUMBER}}), fordi specialet er {{#PASSED}}bestået{{/PASSED}}{{#ABANDONED}}opgivet{{/ABANDONED}}.</p>
{{#HAS_NOTE}}<p>Bemærkning: {{NOTE}}</p>{{/HAS_NOTE}}
<h2>Hvad sker der nu?</h2>
<p>Adgangen til data er lukket fra i dag. Forløbet står fortsat på Specialeportalen.</p>
{{#TO_STUDENT}}{{#PASSED}}<p>Tillykke med specialet. Har din vejleder opfordret dig til at publicere, skal projektet oprettes på ny under Danmarks Statistiks forskerordning eller projektordning. Det sker ikke her på portalen: <a href="https://www.dst.dk/da/TilSalg/Forskningsservice">Forskningsservice hjælper dig videre</a>.</p>{{/PASSED}}{{/TO_STUDENT}}
<p><a href="{{LINK}}">Se forløbet på Specialeportalen</a></p>
<p>Venlig hilsen<br>Specialeportalen, Danmarks Statistik</p>
