#!/usr/bin/python3
"""Regenerate the expected outputs of the Jinja conformance corpus.

Run with Debian's python3-jinja2 (Jinja2 3.1):  /usr/bin/python3 gen.py

Every file directly under templates/ is one case; templates/lib/ holds the
layouts, partials and macros the cases use. Each case is rendered with the
data in data.json by an Environment configured as Flask's
create_jinja_environment configures it (autoescape chosen by file extension,
no trim_blocks/lstrip_blocks, default Undefined, sorted-keys tojson). The
output goes to expected/<case>.out; a case that raises is recorded as a
single line "!error <ExceptionClass>".
"""
import json
import os
import sys

import jinja2

HERE = os.path.dirname(os.path.abspath(__file__))


def select_jinja_autoescape(filename):
    """Flask's App.select_jinja_autoescape."""
    if filename is None:
        return True
    return filename.endswith((".html", ".htm", ".xml", ".xhtml", ".svg"))


def main():
    if not jinja2.__version__.startswith("3.1"):
        sys.exit("need Jinja2 3.1, have " + jinja2.__version__)
    loader = jinja2.FileSystemLoader(os.path.join(HERE, "templates"))
    env = jinja2.Environment(loader=loader, autoescape=select_jinja_autoescape)
    # Cases named ext_* run with the extensions an app may enable through
    # Flask's jinja_options (Flask enables none by default).
    ext_env = jinja2.Environment(
        loader=loader,
        autoescape=select_jinja_autoescape,
        extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"],
    )
    with open(os.path.join(HERE, "data.json"), encoding="utf-8") as f:
        data = json.load(f)
    tdir = os.path.join(HERE, "templates")
    out = os.path.join(HERE, "expected")
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(tdir)):
        if not os.path.isfile(os.path.join(tdir, name)):
            continue
        try:
            e = ext_env if name.startswith("ext_") else env
            text = e.get_template(name).render(data)
        except Exception as e:  # recorded, compared by class name
            text = "!error " + type(e).__name__ + "\n"
        with open(os.path.join(out, name + ".out"), "w", encoding="utf-8",
                  newline="") as f:
            f.write(text)


if __name__ == "__main__":
    main()
