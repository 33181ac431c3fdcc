#!/usr/bin/python3
"""Render the fortunes page with Python's Jinja2, as Flask does.

The templates are the Flask benchmark app's (bench/flask/templates), the
rows internal/fortunes's 12 (TestPageMatchesJinja2 checks that this page
and flagon-jinja's are byte-identical), the environment Flask's for a
.html template: autoescape on, FileSystemLoader.

    jinja2_render.py --page        print the page
    jinja2_render.py [N]           time N renders (default 20000) with
                                   timeit, print "jinja2 ns/op <value>"
"""
import os
import sys
import timeit

import jinja2

HERE = os.path.dirname(os.path.abspath(__file__))


class Fortune:
    __slots__ = ("id", "message")

    def __init__(self, id, message):
        self.id = id
        self.message = message


ROWS = [
    (1, "fortune: No such file or directory"),
    (2, "A computer scientist is someone who fixes things that aren't broken."),
    (3, "After enough decimal places, nobody gives a damn."),
    (4, "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1"),
    (5, "A computer program does what you tell it to do, not what you want it to do."),
    (6, "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen"),
    (7, "Any program that runs doesn't need to be updated."),
    (8, "Feature: A bug with seniority."),
    (9, "Computers make very fast, very accurate mistakes."),
    (10, '<script>alert("This should not be displayed in a browser alert box.");</script>'),
    (11, "フレームワークのベンチマーク"),
    (0, "Additional fortune added at request time."),
]


def main():
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(os.path.join(HERE, "..", "flask", "templates")),
        autoescape=True,
    )
    page = env.get_template("fortunes.html")
    rows = sorted((Fortune(i, m) for i, m in ROWS), key=lambda f: f.message)
    if sys.argv[1:] == ["--page"]:
        sys.stdout.write(page.render(fortunes=rows))
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    page.render(fortunes=rows)  # load and compile outside the timing
    secs = timeit.timeit(lambda: page.render(fortunes=rows), number=n)
    print("jinja2 ns/op %.0f" % (secs / n * 1e9))


if __name__ == "__main__":
    main()
