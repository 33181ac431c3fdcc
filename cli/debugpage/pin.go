package debugpage

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

// Environment variables that share the PIN between the reloader and its
// children.
const (
	// EnvPIN sets the PIN ("off" disables it).
	EnvPIN = "FLAGON_DEBUG_PIN"
	// EnvSecret holds the hex key that signs the PIN cookie.
	EnvSecret = "FLAGON_DEBUG_SECRET"
)

// PINOff is the EnvPIN value that disables the PIN.
const PINOff = "off"

// MaxPINAttempts is the number of wrong PINs that lock the debugger.
const MaxPINAttempts = 10

// pinCookie is the cookie set once the PIN is entered; pinLifetime is
// how long it is valid (Werkzeug's PIN_TIME).
const (
	pinCookie   = "__flagon_debugger__"
	pinLifetime = 7 * 24 * time.Hour
)

// NewPIN returns a random PIN formatted xxx-xxx-xxx.
func NewPIN() string {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000_000))
	if err != nil {
		panic("debugpage: crypto/rand failed: " + err.Error())
	}
	s := fmt.Sprintf("%09d", n.Int64())
	return s[:3] + "-" + s[3:6] + "-" + s[6:]
}

// SharePIN returns the PIN from EnvPIN, generating one (and the cookie
// key in EnvSecret) when unset, and exports both to the environment so
// that the reloader's children use the same ones. It returns PINOff when
// the PIN is disabled.
func SharePIN() string {
	pin := os.Getenv(EnvPIN)
	if pin == "" {
		pin = NewPIN()
		_ = os.Setenv(EnvPIN, pin)
	}
	if os.Getenv(EnvSecret) == "" {
		_ = os.Setenv(EnvSecret, hex.EncodeToString(newSecret()))
	}
	return pin
}

// OptionsFromEnv returns Options with the PIN and cookie key of EnvPIN
// and EnvSecret.
func OptionsFromEnv() Options {
	o := Options{PIN: os.Getenv(EnvPIN)}
	if k, err := hex.DecodeString(os.Getenv(EnvSecret)); err == nil && len(k) >= 16 {
		o.Secret = k
	}
	return o
}

func newSecret() []byte {
	k := make([]byte, 32)
	_, _ = rand.Read(k)
	return k
}

// normalizePIN keeps the digits and letters of a typed PIN.
func normalizePIN(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}

// pinResult is the outcome of a PIN attempt.
type pinResult int

const (
	pinAccepted pinResult = iota
	pinRejected
	pinLocked
)

// checkPIN compares typed with the PIN in constant time, counting
// failures; after MaxPINAttempts failures every attempt is refused.
func (d *Debugger) checkPIN(typed string) (pinResult, int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.failures >= MaxPINAttempts {
		return pinLocked, 0
	}
	want := normalizePIN(d.pin)
	if subtle.ConstantTimeCompare([]byte(normalizePIN(typed)), []byte(want)) == 1 {
		return pinAccepted, MaxPINAttempts - d.failures
	}
	d.failures++
	if d.failures >= MaxPINAttempts {
		return pinLocked, 0
	}
	return pinRejected, MaxPINAttempts - d.failures
}

// pinMAC signs the cookie's timestamp with the PIN.
func (d *Debugger) pinMAC(ts string) []byte {
	m := hmac.New(sha256.New, d.secret)
	m.Write([]byte("flagon-debugger-pin|" + ts + "|" + d.pin))
	return m.Sum(nil)
}

// pinCookieFor returns the cookie that proves the PIN was entered.
func (d *Debugger) pinCookieFor(now time.Time) *http.Cookie {
	ts := strconv.FormatInt(now.Unix(), 10)
	return &http.Cookie{
		Name: pinCookie, Value: ts + "|" + hex.EncodeToString(d.pinMAC(ts)),
		Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode,
		MaxAge: int(pinLifetime / time.Second),
	}
}

// unlocked reports whether r may use the interactive part: the PIN is
// off, or r carries a valid, unexpired PIN cookie.
func (d *Debugger) unlocked(r *http.Request) bool {
	if d.pin == PINOff {
		return true
	}
	ck, err := r.Cookie(pinCookie)
	if err != nil {
		return false
	}
	ts, mac, ok := strings.Cut(ck.Value, "|")
	if !ok {
		return false
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || time.Since(time.Unix(sec, 0)) > pinLifetime {
		return false
	}
	got, err := hex.DecodeString(mac)
	return err == nil && hmac.Equal(got, d.pinMAC(ts))
}
