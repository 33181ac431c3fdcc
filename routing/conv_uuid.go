package routing

import (
	"encoding/hex"
	"fmt"

	"github.com/flagon-go/flagon/internal/pct"
)

// A UUID is the value the uuid converter produces: 16 bytes, rendered by
// String in the canonical lower-case 8-4-4-4-12 form.
type UUID [16]byte

// String renders u as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx in lower case.
func (u UUID) String() string {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}

// MarshalText renders u as String does, so that encoding/json writes a
// UUID as its string, as Flask's JSON provider writes uuid.UUID.
func (u UUID) MarshalText() ([]byte, error) { return []byte(u.String()), nil }

// UnmarshalText parses the 8-4-4-4-12 form into u.
func (u *UUID) UnmarshalText(b []byte) error {
	v, err := ParseUUID(string(b))
	if err != nil {
		return err
	}
	*u = v
	return nil
}

// ParseUUID parses the 8-4-4-4-12 hexadecimal form, in either case.
func ParseUUID(s string) (UUID, error) {
	var u UUID
	if !uuidSyntax(s) {
		return u, fmt.Errorf("routing: %q is not a UUID", s)
	}
	j := 0
	for i := 0; i < len(s); i += 2 {
		if s[i] == '-' {
			i--
			continue
		}
		u[j] = pct.Unhex(s[i])<<4 | pct.Unhex(s[i+1])
		j++
	}
	return u, nil
}

// uuidSyntax checks the 8-4-4-4-12 layout without allocating.
func uuidSyntax(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if s[i] != '-' {
				return false
			}
		} else if pct.Unhex(s[i]) > 15 {
			return false
		}
	}
	return true
}

// uuidConverter is Werkzeug's UUIDConverter.
type uuidConverter struct{}

func newUUIDConverter(args []any, kwargs map[string]any) (Converter, error) {
	if _, err := bindArgs("uuid", args, kwargs); err != nil {
		return nil, err
	}
	return uuidConverter{}, nil
}

// Match reports whether s has the 8-4-4-4-12 hex layout.
func (uuidConverter) Match(s string) bool { return uuidSyntax(s) }

// Weight places uuid variables before strings.
func (uuidConverter) Weight() int { return weightNumber }

// ToGo returns the value as a UUID.
func (uuidConverter) ToGo(s string) (any, error) {
	u, err := ParseUUID(s)
	if err != nil {
		return nil, err
	}
	return u, nil
}

// ToURL accepts a UUID, [16]byte or UUID text and renders it in lower case.
func (uuidConverter) ToURL(v any) (string, error) {
	switch v := v.(type) {
	case UUID:
		return v.String(), nil
	case [16]byte:
		return UUID(v).String(), nil
	}
	s, ok := toText(v)
	if !ok {
		return "", fmt.Errorf("cannot use %T as a UUID", v)
	}
	u, err := ParseUUID(s)
	if err != nil {
		return "", err
	}
	return u.String(), nil
}
