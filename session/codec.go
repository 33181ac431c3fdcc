package session

import (
	"fmt"
	"time"

	"github.com/flagon-go/flagon/session/tagjson"
	"github.com/flagon-go/flagon/sign"
)

// Salt is the salt Flask signs session cookies with.
const Salt = "cookie-session"

// A Codec turns session data into signed cookie values and back, exactly
// like Flask's session serializer (URLSafeTimedSerializer with salt
// "cookie-session", HMAC key derivation, SHA-1 and tagged JSON). It is safe
// for concurrent use.
type Codec struct {
	s *sign.Serializer
}

// NewCodec returns a Codec signing with secret and also accepting
// fallbacks (older keys, in Flask's SECRET_KEY_FALLBACKS order). now may
// be nil for time.Now.
func NewCodec(secret []byte, fallbacks [][]byte, now func() time.Time) *Codec {
	keys := append(append([][]byte{}, fallbacks...), secret)
	opts := []sign.Option{sign.WithKeyDerivation(sign.HMAC)}
	if now != nil {
		opts = append(opts, sign.WithClock(now))
	}
	return &Codec{s: sign.NewSerializer(keys, Salt, opts...)}
}

// Encode returns the signed cookie value for data.
func (c *Codec) Encode(data map[string]any) (string, error) {
	b, err := tagjson.Marshal(data)
	if err != nil {
		return "", fmt.Errorf("session: %w", err)
	}
	return c.s.Dumps(b)
}

// Decode verifies value and returns its data. maxAge <= 0 disables the age
// check. Signature errors match the sign package's sentinels.
func (c *Codec) Decode(value string, maxAge time.Duration) (map[string]any, error) {
	b, _, err := c.s.Loads(value, maxAge)
	if err != nil {
		return nil, err
	}
	v, err := tagjson.Unmarshal(b)
	if err != nil {
		return nil, fmt.Errorf("session: %w", err)
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("session: cookie holds %T, want an object", v)
	}
	return m, nil
}
