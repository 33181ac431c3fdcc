"""Regenerate flask-responses.json: what Flask's default session interface
sends for a few requests, with the clock frozen.

Run: python3 gen_responses.py > flask-responses.json
"""
import datetime as dt
import json
import time
from importlib.metadata import version
from unittest import mock

from flask import Flask, flash, get_flashed_messages, session

NOW = 1795239266


class FrozenDatetime(dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return dt.datetime.fromtimestamp(NOW, tz)


app = Flask(__name__)
app.config.update(SECRET_KEY="s3cr3t-1", SECRET_KEY_FALLBACKS=["old-secret-1"])


@app.route("/set")
def set_():
    session["user_id"] = 42
    session["name"] = "alice"
    return ""


@app.route("/permanent")
def permanent():
    session.permanent = True
    session["cart"] = [1, 2, 3]
    return ""


@app.route("/read")
def read():
    return str(session.get("user_id"))


@app.route("/clear")
def clear():
    session.clear()
    return ""


@app.route("/none")
def none():
    return ""


@app.route("/flash")
def flash_():
    flash("Product created")
    flash("Name is required", "error")
    return ""


@app.route("/show")
def show():
    return json.dumps(get_flashed_messages(with_categories=True))


def run(path, cookie=None):
    with app.test_client() as c:
        if cookie:
            c.set_cookie("session", cookie)
        r = c.get(path)
        return {"path": path, "request_cookie": cookie, "set_cookie": r.headers.getlist("Set-Cookie"),
                "vary": r.headers.get("Vary"), "body": r.get_data(as_text=True)}


with mock.patch("time.time", return_value=float(NOW)), mock.patch("flask.sessions.datetime", FrozenDatetime):
    out = []
    first = run("/set")
    out.append(first)
    cookie = first["set_cookie"][0].split(";")[0].split("=", 1)[1]
    out.append(run("/read", cookie))
    out.append(run("/clear", cookie))
    out.append(run("/none"))
    perm = run("/permanent")
    out.append(perm)
    out.append(run("/read", perm["set_cookie"][0].split(";")[0].split("=", 1)[1]))
    fl = run("/flash")
    out.append(fl)
    out.append(run("/show", fl["set_cookie"][0].split(";")[0].split("=", 1)[1]))
print(json.dumps({"generated_by": "Flask " + version("flask"), "now": NOW, "secret_key": "s3cr3t-1",
                  "responses": out}, indent=1))
