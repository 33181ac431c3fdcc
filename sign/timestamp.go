package sign

import (
	"bytes"
	"fmt"
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
	value, n, state := splitTimestamp(result, i)
	if sigErr != nil {
		// ItsDangerous converts a decodable timestamp even for a bad
		// signature, and reports one out of datetime's range as malformed.
		if state == tsOutOfRange {
			return nil, time.Time{}, newError(ErrBadTimeSignature, "Malformed timestamp", value)
		}
		e := newError(ErrBadTimeSignature, sigErr.(*Error).Msg, value)
		if state == tsValid {
			e.DateSigned = unixTime(n)
		}
		return nil, time.Time{}, e
	}
	if state == tsUndecodable {
		return nil, time.Time{}, newError(ErrBadTimeSignature, "Malformed timestamp", value)
	}
	// A correctly signed timestamp past year 9999 is not malformed for
	// ItsDangerous (it only range-checks on the bad-signature path): it
	// is far in the future, so expired when maxAge is set. Python cannot
	// build its datetime, so the time returned is zero.
	return t.checkAge(value, n, state, maxAge)
}

// Timestamp decoding outcomes: valid, not base64 or more than eight
// bytes, or an integer beyond Python's datetime (year 9999).
const (
	tsValid = iota
	tsUndecodable
	tsOutOfRange
)

// maxTimestamp is 9999-12-31T23:59:59Z, the last second Python's
// datetime.fromtimestamp accepts.
const maxTimestamp = 253402300799

func splitTimestamp(result []byte, i int) ([]byte, uint64, int) {
	raw, err := DecodeBase64(result[i+1:])
	if err != nil {
		return result[:i], 0, tsUndecodable
	}
	n, ok := bytesToInt(raw)
	switch {
	case !ok:
		return result[:i], 0, tsUndecodable
	case n > maxTimestamp:
		return result[:i], n, tsOutOfRange
	}
	return result[:i], n, tsValid
}

// unixTime is the UTC time of a timestamp within maxTimestamp.
func unixTime(n uint64) time.Time { return time.Unix(int64(n), 0).UTC() }

func (t *TimestampSigner) checkAge(value []byte, n uint64, state int, maxAge time.Duration) ([]byte, time.Time, error) {
	var ts time.Time
	if state == tsValid {
		ts = unixTime(n)
	}
	if maxAge <= 0 {
		return value, ts, nil
	}
	now := uint64(max(t.now().Unix(), 0))
	limit := int64(maxAge / time.Second)
	var msg string
	switch {
	case n > now:
		// Computed unsigned: a timestamp past MaxInt64 must not wrap.
		msg = fmt.Sprintf("Signature age -%d < 0 seconds", n-now)
	case int64(now-n) > limit:
		msg = fmt.Sprintf("Signature age %d > %d seconds", now-n, limit)
	default:
		return value, ts, nil
	}
	e := newError(ErrSignatureExpired, msg, value)
	e.DateSigned = ts
	return nil, time.Time{}, e
}

// Validate reports whether signed carries a valid signature and timestamp
// no older than maxAge (maxAge <= 0: any age), like
// itsdangerous.TimestampSigner.validate.
func (t *TimestampSigner) Validate(signed []byte, maxAge time.Duration) bool {
	_, _, err := t.Unsign(signed, maxAge)
	return err == nil
}
