"""Regenerate itsdangerous-vectors.json with the installed ItsDangerous.

Run: python3 gen_vectors.py > itsdangerous-vectors.json
"""
import hashlib
import json
import zlib

import itsdangerous
from itsdangerous import Signer, TimestampSigner, URLSafeTimedSerializer

NOW = 1795239266


class FixedTS(TimestampSigner):
    def get_timestamp(self):
        return NOW


def signer_vectors():
    out = []
    for deriv in ["django-concat", "concat", "hmac", "none"]:
        for digest in ["sha1", "sha256", "sha512"]:
            s = Signer([b"old", b"new"], salt=b"salt", key_derivation=deriv,
                       digest_method=getattr(hashlib, digest))
            out.append({"derivation": deriv, "digest": digest, "value": "hello world",
                        "signed": s.sign(b"hello world").decode()})
    return out


def serializer_vectors():
    payloads = [
        "a string", {"b": 1, "a": [1, 2.5, None, True]}, {"unicode": "ünï \u2028 <&> \x7f"},
        {"big": "y" * 300}, 12345678901234567890, [], {"k": "v" * 40},
    ]
    out = []
    for p in payloads:
        s = URLSafeTimedSerializer([b"old", b"new"], salt="vec", signer=FixedTS)
        out.append({"payload": p, "json": itsdangerous._json._CompactJSON.dumps(p),
                    "token": s.dumps(p), "compressed": s.dumps(p).startswith(".")})
    return out


print(json.dumps({"generated_by": "itsdangerous " + __import__("importlib.metadata").metadata.version("itsdangerous"),
                  "timestamp": NOW, "secrets": ["old", "new"], "signers": signer_vectors(),
                  "serializer_salt": "vec", "serializers": serializer_vectors()}, indent=1))
