package sign

import (
	"crypto/sha1"
	"encoding/json"
	"hash"
	"time"
)

// Option configures a Signer, TimestampSigner or Serializer.
type Option func(*config)

type config struct {
	derivation KeyDerivation
	digest     func() hash.Hash
	now        func() time.Time
	marshal    func(any) ([]byte, error)
	unmarshal  func([]byte, any) error
}

func newConfig(opts []Option) config {
	c := config{digest: sha1.New, now: time.Now, marshal: CompactJSON, unmarshal: json.Unmarshal}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// WithKeyDerivation sets the key derivation (default DjangoConcat).
func WithKeyDerivation(k KeyDerivation) Option {
	return func(c *config) { c.derivation = k }
}

// WithDigest sets the hash used for key derivation and HMAC signatures
// (default crypto/sha1).
func WithDigest(h func() hash.Hash) Option {
	return func(c *config) { c.digest = h }
}

// WithClock sets the clock used to stamp and check timestamps (default
// time.Now).
func WithClock(now func() time.Time) Option {
	return func(c *config) { c.now = now }
}

// WithJSON sets the functions Serializer.DumpsValue and
// Serializer.LoadsValue use (default CompactJSON and json.Unmarshal).
func WithJSON(marshal func(any) ([]byte, error), unmarshal func([]byte, any) error) Option {
	return func(c *config) { c.marshal, c.unmarshal = marshal, unmarshal }
}
