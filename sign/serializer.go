package sign

import (
	"encoding/json"
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
	payload, err := decodePayload(b64)
	if err != nil {
		return nil, time.Time{}, err
	}
	if !json.Valid(payload) {
		return nil, time.Time{}, newError(ErrBadPayload, "Could not load the payload because it is not valid JSON", payload)
	}
	return payload, ts, nil
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
