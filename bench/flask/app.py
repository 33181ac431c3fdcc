"""The TechEmpower test types in Flask with Flask-SQLAlchemy, under gunicorn.

This is what a user of the Flask seeds runs today, written the usual way:
models, db.session.get for each row, render_template with an extended base.

    python3 app.py -addr 127.0.0.1:8080 -db postgresql://postgres@127.0.0.1:5432/flagon_bench
"""
import argparse
import multiprocessing
import random

from flask import Flask, jsonify, make_response, render_template, request
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class World(db.Model):
    __tablename__ = "world"
    id = db.Column(db.Integer, primary_key=True)
    randomNumber = db.Column("randomnumber", db.Integer, nullable=False)

    def to_dict(self):
        return {"id": self.id, "randomNumber": self.randomNumber}


class Fortune(db.Model):
    __tablename__ = "fortune"
    id = db.Column(db.Integer, primary_key=True)
    message = db.Column(db.String(2048), nullable=False)


def query_count():
    """The queries parameter, 1 when missing or not a number, clamped to 1..500."""
    try:
        n = int(request.args.get("queries", 1))
    except ValueError:
        n = 1
    return min(max(n, 1), 500)


def random_worlds():
    return [db.session.get(World, random.randint(1, 10000)) for _ in range(query_count())]


def create_app(url):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = url
    db.init_app(app)

    @app.get("/json")
    def json_view():
        return jsonify(message="Hello, World!")

    @app.get("/plaintext")
    def plaintext():
        response = make_response("Hello, World!")
        response.content_type = "text/plain"
        return response

    @app.get("/db")
    def single():
        return jsonify(db.session.get(World, random.randint(1, 10000)).to_dict())

    @app.get("/queries")
    def queries():
        return jsonify([w.to_dict() for w in random_worlds()])

    @app.get("/updates")
    def updates():
        worlds = random_worlds()
        for w in worlds:
            w.randomNumber = random.randint(1, 10000)
        db.session.commit()
        return jsonify([w.to_dict() for w in worlds])

    @app.get("/fortunes")
    def fortunes():
        rows = Fortune.query.all()
        rows.append(Fortune(id=0, message="Additional fortune added at request time."))
        rows.sort(key=lambda f: f.message)
        return render_template("fortunes.html", fortunes=rows)

    return app


def serve(addr, url, workers):
    """Runs the app under gunicorn's sync workers, one app per worker."""
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", addr)
            self.cfg.set("workers", workers)
            self.cfg.set("worker_class", "sync")
            self.cfg.set("loglevel", "warning")

        def load(self):
            return create_app(url)

    Server().run()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-addr", default="127.0.0.1:8080")
    parser.add_argument("-db", required=True)
    parser.add_argument("-workers", type=int, default=2 * multiprocessing.cpu_count() + 1)
    args = parser.parse_args()
    serve(args.addr, args.db, args.workers)
