package sign

import (
	"bytes"
	"crypto/hmac"
	"fmt"
	"hash"
)

// Sep is the separator between a value, its timestamp and its signature.
const Sep = '.'

// A Signer appends and verifies HMAC signatures, like itsdangerous.Signer.
// A Signer is safe for concurrent use.
type Signer struct {
	digest func() hash.Hash
	keys   [][]byte // derived signing keys, newest first
}

// NewSigner returns a Signer for secrets (oldest first, newest last) and
// salt. It panics if secrets is empty, which is a configuration error.
func NewSigner(secrets [][]byte, salt string, opts ...Option) *Signer {
	return newSigner(secrets, salt, newConfig(opts))
}

func newSigner(secrets [][]byte, salt string, c config) *Signer {
	if len(secrets) == 0 {
		panic("sign: at least one secret key is required")
	}
	s := &Signer{digest: c.digest}
	for i := len(secrets) - 1; i >= 0; i-- {
		s.keys = append(s.keys, c.derivation.Derive(c.digest, []byte(salt), secrets[i]))
	}
	return s
}

// Signature returns the base64 signature of value made with the newest key.
func (s *Signer) Signature(value []byte) []byte {
	return EncodeBase64(s.mac(s.keys[0], value))
}

func (s *Signer) mac(key, value []byte) []byte {
	m := hmac.New(s.digest, key)
	m.Write(value)
	return m.Sum(nil)
}

// Sign returns value + "." + signature.
func (s *Signer) Sign(value []byte) []byte {
	sig := s.Signature(value)
	out := make([]byte, 0, len(value)+1+len(sig))
	out = append(append(append(out, value...), Sep), sig...)
	return out
}

// VerifySignature reports whether sig (base64) signs value under any key.
// The comparison is constant-time.
func (s *Signer) VerifySignature(value, sig []byte) bool {
	raw, err := DecodeBase64(sig)
	if err != nil {
		return false
	}
	for _, k := range s.keys {
		if hmac.Equal(raw, s.mac(k, value)) {
			return true
		}
	}
	return false
}

// Unsign verifies signed and returns the value without its signature.
// Errors wrap ErrBadSignature; the unverified value is in Error.Payload.
func (s *Signer) Unsign(signed []byte) ([]byte, error) {
	i := bytes.LastIndexByte(signed, Sep)
	if i < 0 {
		return nil, newError(ErrBadSignature, "No '.' found in value", nil)
	}
	value, sig := signed[:i], signed[i+1:]
	if s.VerifySignature(value, sig) {
		return value, nil
	}
	return nil, newError(ErrBadSignature, fmt.Sprintf("Signature %q does not match", sig), value)
}

// Validate reports whether signed carries a valid signature, like
// itsdangerous.Signer.validate.
func (s *Signer) Validate(signed []byte) bool {
	_, err := s.Unsign(signed)
	return err == nil
}
