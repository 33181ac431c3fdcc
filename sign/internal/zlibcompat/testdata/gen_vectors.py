"""Regenerate zlib-vectors.json: zlib.compress() outputs of C zlib.

Run: python3 gen_vectors.py > zlib-vectors.json
"""
import base64
import json
import random
import zlib

rng = random.Random(7)
WORDS = ["user_id", "_flashes", "message", "csrf_token", "cart", "name", " t", "{", "}", "[", "]", ",", ":", '"', "alice",
         "\\u00e9", "Product created", "error", "true", "null", "1", "42", "_permanent", "x"]


def json_like(n):
    return "".join(rng.choice(WORDS) for _ in range(n)).encode()


def small_alphabet(n, k):
    return bytes(rng.choice(b"abcdefghijklmnop"[:k]) for _ in range(n))


def cases():
    yield b"a"
    yield b"ab"
    yield b"abc"
    yield b"aaaa"
    yield b"x" * 300
    yield b"x" * 16000
    yield bytes(range(256)) * 3
    for n in [1, 2, 3, 5, 10, 30, 60, 100, 200, 400, 800, 1500, 3000, 6000, 12000, 16000]:
        yield json_like(n // 4 + 1)
        yield small_alphabet(n, 2)
        yield small_alphabet(n, 5)
        yield small_alphabet(n, 16)
        yield rng.randbytes(n)
    for _ in range(150):
        yield json_like(rng.randint(1, 600))
    for _ in range(60):
        yield small_alphabet(rng.randint(1, 5000), rng.randint(1, 16))
    # long-distance and long-match structures
    base = json_like(200)
    yield base + rng.randbytes(5000) + base
    yield (base + b"!") * 40


out = [{"in": base64.b64encode(c[:16000]).decode(), "out": base64.b64encode(zlib.compress(c[:16000])).decode()} for c in cases()]
print(json.dumps({"zlib": zlib.ZLIB_RUNTIME_VERSION, "cases": out}))
