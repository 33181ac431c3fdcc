package config

import (
	"regexp"
	"strings"
)

// Mask replaces secret values in the output of Masked.
const Mask = "***"

// secretWords are the key words, as whole words of the UPPER_SNAKE key, that
// mark a key as secret.
var secretWords = map[string]bool{
	"SECRET": true, "SECRETS": true, "PASSWORD": true, "PASSWORDS": true,
	"PASSWD": true, "PASS": true, "PWD": true, "TOKEN": true, "TOKENS": true,
	"KEY": true, "KEYS": true, "APIKEY": true, "SECRETKEY": true,
	"PRIVATEKEY": true, "CREDENTIAL": true, "CREDENTIALS": true,
	"PASSPHRASE": true, "PIN": true, "PINS": true,
}

// IsSecretKey reports whether key looks like it holds a secret: one of its
// words (split at "_", "-", "." and case changes) is SECRET, PASSWORD,
// PASSWD, PASS, PASSPHRASE, PWD, TOKEN, KEY, APIKEY, SECRETKEY,
// PRIVATEKEY, CREDENTIAL or PIN (or a plural). SECRET_KEY, DB_PASSWORD,
// DEBUG_PIN and apiToken are secret; MONKEY, KEYWORDS and PINNED are not.
func IsSecretKey(key string) bool {
	words := strings.FieldsFunc(UpperSnake(key), func(r rune) bool {
		return r == '_' || r == '-' || r == '.'
	})
	for _, w := range words {
		if secretWords[w] {
			return true
		}
	}
	return false
}

// Masked returns v with secrets hidden, for the debug page and the CLI. A
// non-nil value under a secret key (see IsSecretKey) becomes Mask. In other
// strings the password of a URL ("postgresql://u:pw@host/db"), of a MySQL
// DSN ("u:pw@tcp(host)/db") and of a key=value DSN ("password=pw") becomes
// Mask. Maps are masked key by key and slices element by element, into
// copies; v itself is never modified. nil stays nil. A map or a slice
// that contains itself is masked as "{...}" or "[...]" where it recurs,
// as Python's repr prints a recursive dict or list.
func Masked(key string, v any) any {
	return masked(key, v, path{})
}

// masked is Masked with the containers being masked on p: a map or a
// slice inside itself is masked as "{...}" or "[...]".
func masked(key string, v any, p path) any {
	if v == nil {
		return nil
	}
	if IsSecretKey(key) {
		return Mask
	}
	switch x := v.(type) {
	case string:
		return MaskString(x)
	case map[string]any:
		return maskedMap(x, p)
	case map[string]string:
		return maskedStringMap(x)
	case []any:
		return maskedSlice(key, x, p)
	case []string:
		return maskedStrings(x)
	}
	return v
}

// MaskedSnapshot returns Snapshot with every value passed through Masked.
func (c *Config) MaskedSnapshot() map[string]any {
	return maskedMap(c.Snapshot(), path{}).(map[string]any)
}

// maskedMap masks each entry of m by its own key.
func maskedMap(m map[string]any, p path) any {
	k, ok := p.enter(m)
	if !ok {
		return recursiveMap
	}
	defer p.leave(k)
	out := make(map[string]any, len(m))
	for key, v := range m {
		out[key] = masked(key, v, p)
	}
	return out
}

// maskedStringMap masks each entry of m by its own key.
func maskedStringMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = MaskString(v)
		if IsSecretKey(k) {
			out[k] = Mask
		}
	}
	return out
}

// maskedSlice masks each element of xs as if it were stored under key.
func maskedSlice(key string, xs []any, p path) any {
	k, ok := p.enter(xs)
	if !ok {
		return recursiveSlice
	}
	defer p.leave(k)
	out := make([]any, len(xs))
	for i, e := range xs {
		out[i] = masked(key, e, p)
	}
	return out
}

// maskedStrings masks the passwords in each string of xs.
func maskedStrings(xs []string) []string {
	out := make([]string, len(xs))
	for i, s := range xs {
		out[i] = MaskString(s)
	}
	return out
}

var (
	// urlPassword follows SQLAlchemy's URL pattern: the user runs to ":"
	// or "/", the password to "@".
	urlPassword = regexp.MustCompile(`^([A-Za-z][\w+.-]*://[^:/]*:)[^@]*@`)
	// kvPassword matches a libpq-style password=value pair.
	kvPassword = regexp.MustCompile(`(?i)\b(password|passwd|pwd)(\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s;]+)`)
)

// MaskString replaces the passwords in a URL, a MySQL DSN or a key=value
// DSN held by s with Mask, and returns other strings unchanged.
func MaskString(s string) string {
	if strings.Contains(s, "://") {
		return urlPassword.ReplaceAllString(s, "${1}"+Mask+"@")
	}
	if kvPassword.MatchString(s) {
		return kvPassword.ReplaceAllString(s, "${1}${2}"+Mask)
	}
	return maskMySQLDSN(s)
}

// maskMySQLDSN masks the password of a go-sql-driver DSN,
// "user:password@protocol(address)/dbname": the user info runs to the last
// "@" before the last "/".
func maskMySQLDSN(s string) string {
	slash := strings.LastIndex(s, "/")
	if slash < 0 {
		return s
	}
	at := strings.LastIndex(s[:slash], "@")
	if at < 0 || strings.ContainsAny(s[:at], " \t\n") {
		return s
	}
	colon := strings.Index(s[:at], ":")
	if colon < 0 {
		return s
	}
	return s[:colon+1] + Mask + s[at:]
}
