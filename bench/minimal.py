"""The floor for page latency: a bare Flask route rendering a small template, served the same way, with its
CPU time per request in the same Server-Timing header as the app's."""

from flask import Flask, render_template
from jinja2 import DictLoader

from clusterhub.ops import timing

PAGE = """<!doctype html>
<html lang="lv">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body>
  <h1>{{ title }}</h1>
  <ul>
  {% for item in items %}
    <li><a href="/items/{{ loop.index }}">{{ item }}</a></li>
  {% endfor %}
  </ul>
</body>
</html>
"""
ITEMS = ("SIA Čiekura Darbnīca", "AS Ābeles Metāls", "SIA Ķirša Studija", "IK Ērgļa Koks", "Ltd Nordic Works")

app = Flask(__name__)
app.jinja_loader = DictLoader({"page.html": PAGE})
app.config["CPU_TIMING"] = True
timing.install(app)


@app.route("/")
def page():
    return render_template("page.html", title="Klasteris", items=ITEMS)
