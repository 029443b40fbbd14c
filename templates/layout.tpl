{{%AUTOESCAPE context="HTML"}}
{{! The page frame every HTML page shares: DKFDS header, main landmark, footer.
    The content template is filled into CONTENT by ctx_page(); no inline script (CSP). }}
<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}} - Specialeportalen - Danmarks Statistik</title>
<link rel="stylesheet" href="/static/dkfds/css/dkfds.min.css">
<link rel="stylesheet" href="/static/css/portal.css">
</head>
<body>
<a class="skipnav" href="#main-content">Gå til sidens indhold</a>
<header class="header">
  <div class="portal-info">
    <div class="portal-info-inner container">
      <a href="/" class="portal-name">Danmarks Statistik <span class="sr-only">- Specialeportalen, til forsiden</span></a>
      <div class="portal-user">
        {{#LOGGED_IN}}<p class="user"><a href="/konto">{{USER_NAME}}</a></p>
        <form method="post" action="/konto/log-ud" class="logout-form">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <button type="submit" class="function-link">Log ud</button>
        </form>{{/LOGGED_IN}}
        {{#LOGGED_OUT}}<a href="/konto/log-ind" class="function-link">Log ind</a>{{/LOGGED_OUT}}
      </div>
    </div>
  </div>
  <div class="solution-info">
    <div class="solution-info-inner container">
      <div class="solution-heading">
        <a href="/">Specialeportalen</a>
      </div>
      <div class="additional-info">
        <p><strong class="authority-name">Forskningsservice</strong></p>
        <p>Spørgsmål: <a href="mailto:{{FSE_MAILBOX}}">{{FSE_MAILBOX}}</a></p>
      </div>
      {{! Narrower than DKFDS's breakpoint the user's part of the header moves into the drawer
          below; this button opens it. Without JavaScript it is hidden and the drawer's content
          stays on the page as a plain part of the header (portal.css), so log-in and log-out
          never depend on a script. }}
      <button type="button" class="button button-secondary button-menu-open js-menu-open ml-auto" aria-controls="menu-mobil">
        <svg class="icon-svg" focusable="false" aria-hidden="true"><use href="/static/dkfds/img/all-svg-icons.svg#menu"></use></svg>Menu</button>
    </div>
  </div>
  <nav class="mobile-drawer" id="menu-mobil" aria-label="Menu">
    <div class="menu-top">
      <span class="menu-heading" aria-hidden="true">Menu</span>
      <button type="button" class="function-link button-menu-close js-menu-close"><svg class="icon-svg" focusable="false" aria-hidden="true"><use href="/static/dkfds/img/all-svg-icons.svg#close"></use></svg>Luk<span class="sr-only"> menuen</span></button>
    </div>
    <div class="portal-info-mobile">
      {{#LOGGED_IN}}<p class="user"><span class="sr-only">Logget ind som </span><a href="/konto">{{USER_NAME}}</a></p>
      <form method="post" action="/konto/log-ud" class="logout-form">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <button type="submit" class="function-link">Log ud</button>
      </form>{{/LOGGED_IN}}
      {{#LOGGED_OUT}}<a href="/konto/log-ind" class="function-link">Log ind</a>{{/LOGGED_OUT}}
    </div>
    <div class="solution-info-mobile">
      <p><strong>Forskningsservice</strong></p>
      <p>Spørgsmål: <a href="mailto:{{FSE_MAILBOX}}" class="function-link">{{FSE_MAILBOX}}</a></p>
    </div>
  </nav>
</header>
<div class="overlay"></div>
<div class="container page-container">
<main id="main-content" class="portal-main">
{{>CONTENT}}
</main>
</div>
<footer>
  <div class="footer">
    <div class="container">
      <div class="row">
        <div class="col-12 col-md-6 footer-col">
          <p><strong>Danmarks Statistik, Forskningsservice</strong><br>
          Sejrøgade 11, 2100 København Ø</p>
        </div>
        <div class="col-12 col-md-6 footer-col">
          <ul class="unstyled-list">
            <li>Skriv til os: <a href="mailto:{{FSE_MAILBOX}}">{{FSE_MAILBOX}}</a></li>
            <li><a href="/kan-vi-bruge-ordningen">Kan vores institution bruge ordningen?</a></li>
          </ul>
        </div>
      </div>
    </div>
  </div>
</footer>
<script src="/static/dkfds/js/dkfds.min.js"></script>
<script src="/static/js/portal.js"></script>
</body>
</html>
