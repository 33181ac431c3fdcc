package csrf

import (
	"crypto/rand"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/sign"
)

// ValidateToken checks a signed token against the session's raw token,
// Flask-WTF's validate_csrf, with the app's protection settings
// (WTF_CSRF_* config). The error is a 400 *flagon.HTTPError wrapping an
// *Error whose Reason is Flask-WTF's message.
func ValidateToken(c *flagon.Ctx, token string) error {
	p := forApp(c.App())
	return p.validate(c, p.options(), token)
}

// validate is Flask-WTF's validate_csrf; a failure is logged at Info, as
// Flask-WTF logs it.
func (p *Protect) validate(c *flagon.Ctx, o Options, token string) error {
	reason, err := p.tokenReason(c, o, token)
	if err != nil {
		return err
	}
	if reason != "" {
		if l := p.app.Logger; l != nil {
			l.Info(string(reason), "endpoint", c.Endpoint())
		}
		return fail(reason)
	}
	return nil
}

// tokenReason returns why token fails, or "".
func (p *Protect) tokenReason(c *flagon.Ctx, o Options, token string) (Reason, error) {
	if token == "" {
		return ReasonMissing, nil
	}
	sessionToken, _ := c.Session().Get(o.FieldName)
	raw, _ := sessionToken.(string)
	if raw == "" {
		return ReasonSessionMissing, nil
	}
	ser, err := p.newSerializer(o)
	if err != nil {
		return "", err
	}
	var signed string
	_, err = ser.LoadsValue(token, maxAge(o), &signed)
	switch {
	case errors.Is(err, sign.ErrSignatureExpired):
		return ReasonExpired, nil
	case err != nil:
		return ReasonInvalid, nil
	case !hmacEqual(signed, raw):
		return ReasonMismatch, nil
	}
	return "", nil
}

// maxAge is the serializer's max age: 0 (no limit) for a negative limit.
func maxAge(o Options) time.Duration {
	if o.TimeLimit < 0 {
		return 0
	}
	return o.TimeLimit
}

// errNoSecretKey is Flask-WTF's error ("A secret key is required to use
// CSRF.") for signing or checking a token without a secret key.
var errNoSecretKey = errors.New("csrf: a secret key is required to use CSRF")

// newSerializer signs with WTF_CSRF_SECRET_KEY, or the app's keys (the
// fallbacks still verify); errNoSecretKey when there is neither.
func (p *Protect) newSerializer(o Options) (*sign.Serializer, error) {
	keys := p.app.SecretKeys()
	if k := p.app.Config.StringOr("WTF_CSRF_SECRET_KEY", ""); k != "" {
		keys = [][]byte{[]byte(k)}
	}
	if len(keys) == 0 {
		return nil, errNoSecretKey
	}
	return sign.NewSerializer(keys, Salt, sign.WithClock(o.Clock)), nil
}

// Token returns the signed CSRF token for forms, creating the raw token in
// the session when it has none, Flask-WTF's generate_csrf. It is the same
// within a request.
func Token(c *flagon.Ctx) (string, error) {
	p := forApp(c.App())
	o := p.options()
	ser, err := p.newSerializer(o) // without a key, an error even when cached
	if err != nil {
		return "", err
	}
	if tok, ok := tokenKey.Get(c); ok {
		return tok, nil
	}
	s := c.Session()
	raw, _ := s.Get(o.FieldName)
	rawToken, _ := raw.(string)
	if rawToken == "" {
		rawToken = newRawToken()
		s.Set(o.FieldName, rawToken)
	}
	tok, err := ser.DumpsValue(rawToken)
	if err != nil {
		return "", err
	}
	tokenKey.Set(c, tok)
	return tok, nil
}

// newRawToken is sha1(os.urandom(64)).hexdigest(), as Flask-WTF.
func newRawToken() string {
	b := make([]byte, 64)
	_, _ = rand.Read(b)
	sum := sha1.Sum(b)
	return hex.EncodeToString(sum[:])
}
