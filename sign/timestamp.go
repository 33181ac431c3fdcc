package sign

import (
	"bytes"
	"fmt"
	"math"
	"time"
)

// A TimestampSigner signs values together with the current Unix time, like
// itsdangerous.TimestampSigner, and can reject signatures older than a
// maximum age. It is safe for concurrent use.
type TimestampSigner struct {
	signer *Signer
	now    func() time.Time
}

// NewTimestampSigner returns a TimestampSigner for secrets (oldest first)
// and salt. It panics if secrets is empty.
func NewTimestampSigner(secrets [][]byte, salt string, opts ...Option) *TimestampSigner {
	c := newConfig(opts)
	return &TimestampSigner{signer: newSigner(secrets, salt, c), now: c.now}
}

// Signer returns the underlying Signer (no timestamp).
func (t *TimestampSigner) Signer() *Signer { return t.signer }

// Sign returns value + "." + timestamp + "." + signature.
func (t *TimestampSigner) Sign(value []byte) []byte {
	ts := EncodeBase64(intToBytes(uint64(max(t.now().Unix(), 0))))
	v := make([]byte, 0, len(value)+len(ts)+30)
	v = append(append(append(v, value...), Sep), ts...)
	return t.signer.Sign(v)
}

// Unsign verifies signed and returns the value and the time it was signed.
// When maxAge > 0, signatures older than maxAge (or dated in the future)
// fail with ErrSignatureExpired; maxAge <= 0 disables the age check.
func (t *TimestampSigner) Unsign(signed []byte, maxAge time.Duration) ([]byte, time.Time, error) {
	result, sigErr := t.signer.Unsign(signed)
	if sigErr != nil {
		result = sigErr.(*Error).Payload
	}
	i := bytes.LastIndexByte(result, Sep)
	if i < 0 {
		if sigErr != nil {
			return nil, time.Time{}, sigErr
		}
		return nil, time.Time{}, newError(ErrBadTimeSignature, "timestamp missing", result)
	}
	value, ts, tsOK := splitTimestamp(result, i)
	if sigErr != nil {
		e := newError(ErrBadTimeSignature, sigErr.(*Error).Msg, value)
		if tsOK {
			e.DateSigned = ts
		}
		return nil, time.Time{}, e
	}
	if !tsOK {
		return nil, time.Time{}, newError(ErrBadTimeSignature, "Malformed timestamp", value)
	}
	return t.checkAge(value, ts, maxAge)
}

func splitTimestamp(result []byte, i int) ([]byte, time.Time, bool) {
	raw, err := DecodeBase64(result[i+1:])
	if err != nil {
		return result[:i], time.Time{}, false
	}
	n, ok := bytesToInt(raw)
	if !ok || n > math.MaxInt64/2 {
		return result[:i], time.Time{}, false
	}
	return result[:i], time.Unix(int64(n), 0).UTC(), true
}

func (t *TimestampSigner) checkAge(value []byte, ts time.Time, maxAge time.Duration) ([]byte, time.Time, error) {
	if maxAge <= 0 {
		return value, ts, nil
	}
	age := t.now().Unix() - ts.Unix()
	limit := int64(maxAge / time.Second)
	var msg string
	switch {
	case age > limit:
		msg = fmt.Sprintf("Signature age %d > %d seconds", age, limit)
	case age < 0:
		msg = fmt.Sprintf("Signature age %d < 0 seconds", age)
	default:
		return value, ts, nil
	}
	e := newError(ErrSignatureExpired, msg, value)
	e.DateSigned = ts
	return nil, time.Time{}, e
}
