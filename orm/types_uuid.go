package orm

import (
	"crypto/rand"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"strings"
)

// A UUID is a 16-byte universally unique identifier, stored as UUID on
// PostgreSQL and SQLite and as CHAR(36) on MySQL.
type UUID [16]byte

// NewUUID returns a random (version 4) UUID.
func NewUUID() UUID {
	var u UUID
	_, _ = rand.Read(u[:])
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return u
}

// ParseUUID parses the canonical 36-character form or 32 hex digits.
func ParseUUID(s string) (UUID, error) {
	var u UUID
	h := strings.ReplaceAll(s, "-", "")
	if len(h) != 32 || (len(s) == 36 && strings.Count(s, "-") != 4) || (len(s) != 36 && len(s) != 32) {
		return u, fmt.Errorf("orm: invalid UUID %q", s)
	}
	if _, err := hex.Decode(u[:], []byte(h)); err != nil {
		return u, fmt.Errorf("orm: invalid UUID %q", s)
	}
	return u, nil
}

// String returns the canonical form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.
func (u UUID) String() string {
	h := hex.EncodeToString(u[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// Value sends the canonical text form.
func (u UUID) Value() (driver.Value, error) { return u.String(), nil }

// Scan reads a UUID from text or 16 raw bytes.
func (u *UUID) Scan(src any) error {
	switch v := src.(type) {
	case string:
		return u.parse(v)
	case []byte:
		if len(v) == 16 {
			copy(u[:], v)
			return nil
		}
		return u.parse(string(v))
	case [16]byte:
		*u = v
		return nil
	}
	return fmt.Errorf("orm: cannot scan %T into UUID", src)
}

func (u *UUID) parse(s string) error {
	v, err := ParseUUID(s)
	*u = v
	return err
}

// MarshalText returns the canonical form.
func (u UUID) MarshalText() ([]byte, error) { return []byte(u.String()), nil }

// UnmarshalText parses the canonical form.
func (u *UUID) UnmarshalText(b []byte) error { return u.parse(string(b)) }
