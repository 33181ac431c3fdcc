package sign

import (
	"encoding/json"
	"errors"
	"time"
)

// A Serializer is ItsDangerous' URLSafeTimedSerializer: it signs JSON
// payloads with a timestamp and encodes them as URL-safe text, compressing
// with zlib (marked by a leading ".") when that is shorter. It is safe for
// concurrent use.
type Serializer struct {
	signer    *TimestampSigner
	marshal   func(any) ([]byte, error)
	unmarshal func([]byte, any) error
}

// NewSerializer returns a Serializer for secrets (oldest first, newest
// last) and salt. The defaults match ItsDangerous: DjangoConcat key
// derivation and SHA-1; Flask's session cookie uses WithKeyDerivation(HMAC)
// and salt "cookie-session". It panics if secrets is empty.
func NewSerializer(secrets [][]byte, salt string, opts ...Option) *Serializer {
	c := newConfig(opts)
	return &Serializer{
		signer:    &TimestampSigner{signer: newSigner(secrets, salt, c), now: c.now},
		marshal:   c.marshal,
		unmarshal: c.unmarshal,
	}
}

// TimestampSigner returns the signer used by s.
func (s *Serializer) TimestampSigner() *TimestampSigner { return s.signer }

// Dumps signs payload, which must be serialized JSON, and returns the token.
func (s *Serializer) Dumps(payload []byte) (string, error) {
	if !json.Valid(payload) {
		return "", newError(ErrBadPayload, "payload is not valid JSON", payload)
	}
	return string(s.signer.Sign(encodePayload(payload))), nil
}

// Loads verifies token and returns its JSON payload and signing time.
// maxAge <= 0 disables the age check. Errors match ErrBadSignature,
// ErrBadTimeSignature, ErrSignatureExpired or ErrBadPayload with errors.Is.
func (s *Serializer) Loads(token string, maxAge time.Duration) ([]byte, time.Time, error) {
	b64, ts, err := s.signer.Unsign([]byte(token), maxAge)
	if err != nil {
		return nil, time.Time{}, err
	}
	payload, err := s.LoadPayload(b64)
	if err != nil {
		return nil, time.Time{}, err
	}
	return payload, ts, nil
}

// LoadPayload decodes the payload part of a token (base64, inflated when
// it starts with ".") and checks that it is JSON, like ItsDangerous'
// load_payload. It does not verify anything: use it on Error.Payload to
// read what a rejected token holds. Errors match ErrBadPayload and wrap
// the cause.
func (s *Serializer) LoadPayload(b []byte) ([]byte, error) {
	payload, err := decodePayload(b)
	if err != nil {
		return nil, err
	}
	if !json.Valid(payload) {
		var v any
		cause := json.Unmarshal(payload, &v)
		return nil, &Error{Kind: ErrBadPayload, Msg: "Could not load the payload because it is not valid JSON", Payload: payload, Err: cause}
	}
	return payload, nil
}

// LoadsUnsafe is ItsDangerous' loads_unsafe: it returns whether token is
// valid (signature and maxAge) and its payload, decoded even when the
// signature is wrong or expired, or nil when the payload cannot be
// decoded. Never trust the payload of an invalid token.
func (s *Serializer) LoadsUnsafe(token string, maxAge time.Duration) (bool, []byte) {
	payload, _, err := s.Loads(token, maxAge)
	if err == nil {
		return true, payload
	}
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrBadSignature) || e.Payload == nil {
		return false, nil
	}
	payload, err = s.LoadPayload(e.Payload)
	if err != nil {
		return false, nil
	}
	return false, payload
}

// DumpsValue marshals v with the configured JSON function (by default
// CompactJSON, matching ItsDangerous' compact JSON) and signs it.
func (s *Serializer) DumpsValue(v any) (string, error) {
	b, err := s.marshal(v)
	if err != nil {
		return "", &Error{Kind: ErrBadPayload, Msg: "cannot marshal payload", Err: err}
	}
	return s.Dumps(b)
}

// LoadsValue verifies token like Loads and unmarshals its payload into v.
func (s *Serializer) LoadsValue(token string, maxAge time.Duration, v any) (time.Time, error) {
	b, ts, err := s.Loads(token, maxAge)
	if err != nil {
		return time.Time{}, err
	}
	if err := s.unmarshal(b, v); err != nil {
		return time.Time{}, &Error{Kind: ErrBadPayload, Msg: "Could not load the payload", Payload: b, Err: err}
	}
	return ts, nil
}
