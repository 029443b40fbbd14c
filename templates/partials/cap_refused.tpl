{{%AUTOESCAPE context="HTML"}}
{{! A request refused by a cap (issue 16, lib/caps): what happened and what to do, at the top of the form it came from. }}
<div class="alert alert-warning" role="alert" id="graense">
  <svg class="icon-svg alert-icon" aria-label="Bemærk" role="img" focusable="false"><use href="/static/dkfds/img/all-svg-icons.svg#warning"></use></svg>
  <div class="alert-body">
    <h2 class="alert-heading">Det kunne ikke gennemføres</h2>
    <p class="alert-text">{{MESSAGE}}</p>
  </div>
</div>
