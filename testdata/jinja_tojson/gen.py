#!/usr/bin/python3
"""Regenerate the expected |tojson outputs of a Flask app's Jinja templates.

Run with Debian's python3-flask:  /usr/bin/python3 gen.py

Each file in templates/ is rendered by a Flask app (its jinja_env, whose
json.dumps_function policy is app.json.dumps) with the data in data.json,
where {"$datetime": ISO} is a datetime and {"$post": {...}} a Post
dataclass (a Go struct with the same JSON field names on the Go side).
Templates whose name ends in _utf8.html render with
app.json.ensure_ascii = False. The output goes to expected/<name>.out.
"""
import dataclasses
import datetime
import json
import os

import flask

HERE = os.path.dirname(os.path.abspath(__file__))


@dataclasses.dataclass
class Post:
    id: int
    title: str
    author_id: int


def convert(v):
    if isinstance(v, dict):
        if "$datetime" in v:
            return datetime.datetime.fromisoformat(v["$datetime"])
        if "$post" in v:
            return Post(**v["$post"])
        return {k: convert(x) for k, x in v.items()}
    if isinstance(v, list):
        return [convert(x) for x in v]
    return v


def main():
    with open(os.path.join(HERE, "data.json"), encoding="utf-8") as f:
        data = convert(json.load(f))
    tdir = os.path.join(HERE, "templates")
    for name in sorted(os.listdir(tdir)):
        app = flask.Flask(__name__, template_folder=tdir)
        if name.endswith("_utf8.html"):
            app.json.ensure_ascii = False
        with app.test_request_context():
            text = flask.render_template(name, **data)
        with open(os.path.join(HERE, "expected", name + ".out"), "w",
                  encoding="utf-8", newline="") as f:
            f.write(text)


if __name__ == "__main__":
    main()
