package sign

import (
	"errors"
	"time"
)

// ErrBadData is the root of every error this package returns for data
// that cannot be loaded (ItsDangerous' BadData).
var ErrBadData = errors.New("bad data")

// ErrBadSignature reports a missing or wrong signature (BadSignature).
var ErrBadSignature = errors.New("bad signature")

// ErrBadTimeSignature reports a bad signature or a malformed timestamp on a
// timestamped value (BadTimeSignature).
var ErrBadTimeSignature = errors.New("bad time signature")

// ErrSignatureExpired reports a valid signature that is older than the
// allowed maximum age, or dated in the future (SignatureExpired).
var ErrSignatureExpired = errors.New("signature expired")

// ErrBadPayload reports a correctly signed payload that cannot be decoded
// (BadPayload).
var ErrBadPayload = errors.New("bad payload")

// parents records ItsDangerous' exception hierarchy.
var parents = map[error]error{
	ErrSignatureExpired: ErrBadTimeSignature,
	ErrBadTimeSignature: ErrBadSignature,
	ErrBadSignature:     ErrBadData,
	ErrBadPayload:       ErrBadData,
}

// Error is the error type returned by signers and serializers. Kind is one
// of the Err* sentinels; errors.Is matches Kind and all of its ancestors.
type Error struct {
	// Kind is the sentinel describing the failure, e.g. ErrSignatureExpired.
	Kind error
	// Msg is ItsDangerous' message, e.g. "Signature age 5 > 3 seconds".
	Msg string
	// Payload is the unverified payload when one could be extracted. It
	// must not be trusted.
	Payload []byte
	// DateSigned is the (unverified) signing time when one was decoded.
	DateSigned time.Time
	// Err is the underlying cause, if any.
	Err error
}

// Error returns Msg prefixed with the package name.
func (e *Error) Error() string {
	return "sign: " + e.Msg
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is e.Kind or one of its ancestors.
func (e *Error) Is(target error) bool {
	for k := e.Kind; k != nil; k = parents[k] {
		if k == target {
			return true
		}
	}
	return false
}

func newError(kind error, msg string, payload []byte) *Error {
	return &Error{Kind: kind, Msg: msg, Payload: payload}
}
