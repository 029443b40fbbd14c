{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="da">
<head><meta charset="utf-8"><title>Prøvebesked fra Specialeportalen</title></head>
<body>
<p>Kære {{NAME}}</p>
<p>Dette er en prøvebesked fra Specialeportalen: <strong>{{MESSAGE}}</strong></p>
<p>Venlig hilsen<br>Danmarks Statistik, Forskningsservice<br><a href="{{BASE_URL}}">{{BASE_URL}}</a></p>
</body>
</html>
