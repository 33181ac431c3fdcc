package debugpage

import (
	"context"
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
	"unicode"

	"github.com/flagon-go/flagon/internal/cookies"
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

// The delays after a wrong PIN, Werkzeug's _fail_pin_auth: half a second
// for the first six failures, five seconds from the seventh on. A correct
// PIN resets the count.
const (
	pinDelay     = 500 * time.Millisecond
	pinSlowDelay = 5 * time.Second
	pinFastTries = 6
)

// failureDelay is the wait after a wrong PIN when failed wrong PINs came
// before it.
func failureDelay(failed int) time.Duration {
	if failed >= pinFastTries {
		return pinSlowDelay
	}
	return pinDelay
}

// sleepCtx waits for d, or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// pinLifetime is how long the PIN cookie is valid (Werkzeug's
// PIN_TIME).
const pinLifetime = 7 * 24 * time.Hour

// cookieNamePrefix starts the PIN cookie's name; the rest is derived
// from the cookie key (see cookieNameFor).
const cookieNamePrefix = "__flagon_debugger_"

// cookieNameFor names the PIN cookie after the key that signs it, as
// Werkzeug's get_pin_and_cookie_name names it after the app and the
// machine: servers on other ports of the same host (cookies ignore the
// port) do not overwrite each other's cookie, while the reloader's
// children, which share the key, share the name.
func cookieNameFor(secret []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("flagon-debugger-cookie-name"))
	return cookieNamePrefix + hex.EncodeToString(m.Sum(nil))[:20]
}

// CookieName returns the name of the cookie set once the PIN is entered.
func (d *Debugger) CookieName() string { return d.cookieName }

// NewPIN returns a random PIN formatted xxx-xxx-xxx.
func NewPIN() string {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000_000))
	if err != nil {
		panic("debugpage: crypto/rand failed: " + err.Error())
	}
	s := fmt.Sprintf("%09d", n.Int64())
	return s[:3] + "-" + s[3:6] + "-" + s[6:]
}

// ParsePIN reads a PIN set in the environment as Werkzeug's
// get_pin_and_cookie_name reads WERKZEUG_DEBUG_PIN: "off" disables the
// PIN (PINOff); digits with dashes are used as they are; digits alone
// are grouped with dashes in fives, fours or threes (the first size that
// divides their count; none when no size does). Any other value, and an
// empty one, is not a PIN: ok is false and a random PIN should be used.
func ParsePIN(v string) (pin string, ok bool) {
	if v == PINOff {
		return PINOff, true
	}
	digits := strings.ReplaceAll(v, "-", "")
	if digits == "" || strings.IndexFunc(digits, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
		return "", false
	}
	if strings.Contains(v, "-") {
		return v, true
	}
	return groupPIN(digits), true
}

// groupPIN joins groups of 5, 4 or 3 digits with dashes, Werkzeug's
// formatting of a PIN given without separators.
func groupPIN(num string) string {
	r := []rune(num)
	for _, size := range []int{5, 4, 3} {
		if len(r)%size != 0 {
			continue
		}
		var groups []string
		for i := 0; i < len(r); i += size {
			groups = append(groups, string(r[i:i+size]))
		}
		return strings.Join(groups, "-")
	}
	return num
}

// pinFromEnv returns EnvPIN parsed by ParsePIN.
func pinFromEnv() (string, bool) {
	return ParsePIN(os.Getenv(EnvPIN))
}

// SharePIN returns the PIN from EnvPIN (see ParsePIN), generating one
// (and the cookie key in EnvSecret) when it is unset or not a PIN, and
// exports both to the environment so that the reloader's children use
// the same ones. It returns PINOff when the PIN is disabled.
func SharePIN() string {
	pin, ok := pinFromEnv()
	if !ok {
		pin = NewPIN()
	}
	if os.Getenv(EnvPIN) != pin {
		_ = os.Setenv(EnvPIN, pin)
	}
	if os.Getenv(EnvSecret) == "" {
		_ = os.Setenv(EnvSecret, hex.EncodeToString(newSecret()))
	}
	return pin
}

// OptionsFromEnv returns Options with the PIN of EnvPIN (see ParsePIN;
// a random one when it is unset or not a PIN) and the cookie key of
// EnvSecret.
func OptionsFromEnv() Options {
	var o Options
	if pin, ok := pinFromEnv(); ok {
		o.PIN = pin
	}
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

// normalizePIN is Werkzeug's comparison form of a PIN: surrounding
// white space stripped, dashes removed.
func normalizePIN(s string) string {
	return strings.ReplaceAll(strings.TrimSpace(s), "-", "")
}

// pinResult is the outcome of a PIN attempt.
type pinResult int

const (
	pinAccepted pinResult = iota
	pinRejected
	pinLocked
)

// checkPIN compares typed with the PIN in constant time. A correct PIN
// resets the failure count; a wrong one counts and waits (see
// failureDelay) before answering; after MaxPINAttempts failures every
// attempt is refused at once. The lockout check and the count happen
// under one lock, so concurrent guesses cannot get past the limit.
func (d *Debugger) checkPIN(ctx context.Context, typed string) (pinResult, int) {
	d.mu.Lock()
	if d.failures >= MaxPINAttempts {
		d.mu.Unlock()
		return pinLocked, 0
	}
	want := normalizePIN(d.pin)
	if subtle.ConstantTimeCompare([]byte(normalizePIN(typed)), []byte(want)) == 1 {
		d.failures = 0
		d.mu.Unlock()
		return pinAccepted, MaxPINAttempts
	}
	failed, left := d.addFailureLocked()
	d.mu.Unlock()
	d.sleep(ctx, failureDelay(failed))
	if left <= 0 {
		return pinLocked, 0
	}
	return pinRejected, left
}

// countFailure counts a failed PIN authentication, waits as Werkzeug
// does (the lock is not held while waiting) and returns how many attempts
// are left.
func (d *Debugger) countFailure(ctx context.Context) int {
	d.mu.Lock()
	failed, left := d.addFailureLocked()
	d.mu.Unlock()
	d.sleep(ctx, failureDelay(failed))
	return left
}

// addFailureLocked counts a failure; d.mu is held. It returns the
// failures before this one and the attempts left.
func (d *Debugger) addFailureLocked() (failed, left int) {
	failed = d.failures
	d.failures++
	return failed, MaxPINAttempts - d.failures
}

// pinMAC signs the cookie's timestamp with the PIN.
func (d *Debugger) pinMAC(ts string) []byte {
	m := hmac.New(sha256.New, d.secret)
	m.Write([]byte("flagon-debugger-pin|" + ts + "|" + d.pin))
	return m.Sum(nil)
}

// pinCookieFor returns the cookie that proves the PIN was entered,
// Secure when the request came over TLS (Werkzeug's
// secure=request.is_secure).
func (d *Debugger) pinCookieFor(r *http.Request, now time.Time) *http.Cookie {
	ts := strconv.FormatInt(now.Unix(), 10)
	return &http.Cookie{
		Name: d.cookieName, Value: ts + "|" + hex.EncodeToString(d.pinMAC(ts)),
		Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil,
		MaxAge: int(pinLifetime / time.Second),
	}
}

// cookieTrust is what a request's PIN cookie proves, Werkzeug's
// check_pin_trust.
type cookieTrust int

const (
	cookieAbsent cookieTrust = iota // none, malformed or expired
	cookieValid                     // signed with this PIN and key
	cookieForged                    // well formed, wrong signature
)

// pinTrust checks r's PIN cookie as Werkzeug's check_pin_trust does: a
// locked debugger trusts no cookie; a cookie without "|" or whose
// timestamp is not a plain integer is ignored; a wrong signature is a
// forgery, even when the cookie has also expired; a good signature is
// trusted for pinLifetime after its timestamp.
func (d *Debugger) pinTrust(r *http.Request) cookieTrust {
	if d.locked() {
		return cookieAbsent
	}
	value, ok := cookies.Get(r.Header["Cookie"], d.cookieName)
	if !ok {
		return cookieAbsent
	}
	ts, mac, ok := strings.Cut(value, "|")
	if !ok {
		return cookieAbsent
	}
	sec, ok := plainInt(ts)
	if !ok {
		return cookieAbsent
	}
	got, err := hex.DecodeString(mac)
	if err != nil || !hmac.Equal(got, d.pinMAC(ts)) {
		return cookieForged
	}
	if time.Since(time.Unix(sec, 0)) >= pinLifetime {
		return cookieAbsent
	}
	return cookieValid
}

// plainInt parses Werkzeug's _plain_int: ASCII digits with an optional
// leading "-", surrounding white space stripped; no "+" or "_".
func plainInt(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	digits := strings.TrimPrefix(s, "-")
	if digits == "" || strings.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// locked reports whether MaxPINAttempts wrong PINs locked the debugger.
func (d *Debugger) locked() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.failures >= MaxPINAttempts
}

// unlocked reports whether r may use the interactive part: the PIN is
// off, or r carries a valid, unexpired PIN cookie and the debugger is
// not locked.
func (d *Debugger) unlocked(r *http.Request) bool {
	return d.pin == PINOff || d.pinTrust(r) == cookieValid
}
