// Package security is a Go port of werkzeug.security's password hashing:
// GeneratePasswordHash and CheckPasswordHash read and write Werkzeug's
// "method$salt$hash" strings, so password hashes can move between a Flask
// application and a flagon one.
//
// Supported methods are "scrypt:N:r:p" (Werkzeug's default,
// scrypt:32768:8:1, implemented here from RFC 7914) and
// "pbkdf2:<hash>:<iterations>" with sha1, sha224, sha256, sha384, sha512,
// sha3_* and md5.
package security
