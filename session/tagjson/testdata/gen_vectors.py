"""Regenerate flask-tagjson-vectors.json with the installed Flask.

Run: python3 gen_vectors.py > flask-tagjson-vectors.json
Each case is the output of Flask's session serializer (TaggedJSONSerializer
inside an app context, so keys are sorted and output is ASCII).
"""
import json
import uuid
from datetime import datetime, timezone
from importlib.metadata import version

from flask import Flask
from flask.sessions import session_json_serializer as s
from markupsafe import Markup

CASES = {
    "floats": {"a": 1.0, "b": 1.5, "c": 1e16, "d": 1e15, "e": 1e-05, "f": 0.0001, "g": -0.0,
               "h": 123456789.123, "i": 1e300, "j": 5e-324, "k": 0.1 + 0.2, "l": -2.5e-7,
               "m": 1234567890123456.7, "n": 12345678901234567.0},
    "ints": {"zero": 0, "neg": -1, "max": 2**63 - 1, "min": -(2**63), "huge": 2**64},
    "strings": {"uni": "フレームワーク — ünïcödé", "emoji": "🍺", "ctl": "\x00\x01\x1f\x7f\t\n\r\b\f",
                "quote": "\"\\/", "html": "<a href='x'>&</a>", "sep": "\u2028\u2029", "empty": ""},
    "bytes": {"b": b"\x00\x01binary\xff", "empty": b""},
    "tuple": {"t": (1, "two", (3.5, None), [True])},
    "markup": {"m": Markup("<b>hi</b>")},
    "uuid": {"u": uuid.UUID("cd613e30-d8f1-6adf-91b7-584a2265b1f5")},
    "datetime": {"d": datetime(2026, 11, 21, 5, 30, 7, tzinfo=timezone.utc)},
    "tag like keys": {"x": {" t": "not a tuple"}, "y": {" di": {" b": 1}}, "z": {" t": 1, "k": 2}},
    "nested": {"list": [{"a": [1, {"b": (2,)}]}], "empty": {}, "none": None, "f": False},
    "flashes": {"_flashes": [("message", "Product created"), ("error", "Name is required")]},
    "sorted keys": {"b": 1, "a": 2, "B": 3, "é": 4, "z": 5, "_permanent": True, "": 6},
}

app = Flask(__name__)
with app.app_context():
    out = [{"name": k, "json": s.dumps(v)} for k, v in CASES.items()]
print(json.dumps({"generated_by": "Flask " + version("flask"), "cases": out}, indent=1))
