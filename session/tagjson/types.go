package tagjson

import (
	"encoding/hex"
	"fmt"
	"strings"
)

// Tuple is a Python tuple, tagged " t". Flask stores flashed messages as
// (category, message) tuples.
type Tuple []any

// Markup is text marked safe for HTML (markupsafe.Markup), tagged " m".
type Markup string

// UUID is a Python uuid.UUID, tagged " u" and stored as 32 hex digits.
type UUID [16]byte

// String returns u in the canonical 8-4-4-4-12 form, like str(uuid).
func (u UUID) String() string {
	h := u.Hex()
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// Hex returns u as 32 lowercase hex digits, like uuid.hex.
func (u UUID) Hex() string { return hex.EncodeToString(u[:]) }

// ParseUUID parses the forms Python's UUID() accepts: 32 hex digits,
// optionally with hyphens, braces or a "urn:uuid:" prefix.
func ParseUUID(s string) (UUID, error) {
	var u UUID
	h := strings.ReplaceAll(strings.ReplaceAll(s, "urn:", ""), "uuid:", "")
	h = strings.ReplaceAll(strings.Trim(h, "{}"), "-", "")
	if len(h) != 32 {
		return u, fmt.Errorf("tagjson: badly formed UUID %q", s)
	}
	if _, err := hex.Decode(u[:], []byte(h)); err != nil {
		return u, fmt.Errorf("tagjson: badly formed UUID %q", s)
	}
	return u, nil
}
