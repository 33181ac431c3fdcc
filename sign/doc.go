// Package sign is a byte-compatible Go port of Python's ItsDangerous
// (2.x): HMAC signers, timestamp signers and the URL-safe timed
// serializer that Flask uses for session cookies and Flask-WTF uses for
// CSRF tokens.
//
// Secret keys are given oldest first and newest last, exactly like the
// list ItsDangerous accepts (Flask passes [*SECRET_KEY_FALLBACKS,
// SECRET_KEY]): tokens are signed with the last key and verified against
// every key, newest first.
//
// Errors form the same hierarchy as ItsDangerous' exceptions and are
// matched with errors.Is: ErrSignatureExpired is an ErrBadTimeSignature,
// which is an ErrBadSignature, which is an ErrBadData; ErrBadPayload is an
// ErrBadData. Use errors.As with *Error to read the unverified payload or
// the signing time.
//
// Flask-WTF CSRF tokens use ItsDangerous' defaults with the application's
// secret key: NewSerializer([][]byte{secret}, "wtf-csrf-token"), then
// DumpsValue(rawToken) to make a form token and LoadsValue(formToken,
// time.Hour, &raw) to check one (ErrSignatureExpired means "The CSRF
// token has expired", any other error "The CSRF token is invalid").
package sign
