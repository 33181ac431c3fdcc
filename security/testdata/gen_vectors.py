"""Regenerate werkzeug-hashes.json with the installed Werkzeug.

Run: python3 gen_vectors.py > werkzeug-hashes.json
"""
import json
from importlib.metadata import version

from werkzeug.security import generate_password_hash

CASES = [
    ("correct horse", "scrypt", 16),
    ("ünïcødé pässwörd", "scrypt:16384:8:2", 8),
    ("", "scrypt:1024:1:1", 1),
    ("correct horse", "pbkdf2:sha256:1000", 16),
    ("correct horse", "pbkdf2:sha1:1000", 16),
    ("correct horse", "pbkdf2:sha512:1000", 16),
    ("correct horse", "pbkdf2:sha384:10", 3),
    ("correct horse", "pbkdf2:sha3_256:10", 3),
    ("pässwörd", "pbkdf2", 16),
]
out = [{"password": p, "method": m, "hash": generate_password_hash(p, m, n)} for p, m, n in CASES]
print(json.dumps({"generated_by": "Werkzeug " + version("werkzeug"), "hashes": out}, indent=1, ensure_ascii=False))
