{{%AUTOESCAPE context="HTML"}}
{{! The error summary at the top of a form (DKFDS error summary): each item links to its field. }}
<div class="alert alert-error" role="alert" data-module="error-summary" tabindex="-1" id="fejlopsummering">
  <svg class="icon-svg alert-icon" aria-label="Fejl" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#error"></use></svg>
  <div class="alert-body">
    <h2 class="alert-heading">Der er noget, du skal rette</h2>
    <ul class="alert-text nobullet-list">
    {{#ERROR_ITEM}}<li><a href="#{{ANCHOR}}">{{MESSAGE}}</a></li>
    {{/ERROR_ITEM}}</ul>
  </div>
</div>
