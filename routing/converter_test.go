package routing

import (
	"strings"
	"testing"
)

// conv builds a converter from a `name(args)` spec via the rule parser.
func conv(t *testing.T, spec string) Converter {
	t.Helper()
	segs, err := parseRule("/<"+spec+":v>", NewMap().converters)
	if err != nil {
		t.Fatalf("converter %q: %v", spec, err)
	}
	return segs[0].conv
}

func TestConverterMatchAndToGo(t *testing.T) {
	uuidText := "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
	tests := []struct {
		spec, in string
		want     any // nil: no match
	}{
		{"string", "hello", "hello"},
		{"string", "", nil},
		{"string", "a/b", nil},
		{"string", "héllo wörld", "héllo wörld"},
		{"string(length=2)", "ab", "ab"},
		{"string(length=2)", "é!", "é!"},
		{"string(length=2)", "abc", nil},
		{"string(minlength=3)", "ab", nil},
		{"string(maxlength=3)", "abcd", nil},
		{"string(minlength=0)", "", ""},
		{"int", "42", 42},
		{"int", "007", 7},
		{"int", "-1", nil},
		{"int", "+1", nil},
		{"int", "", nil},
		{"int", "1.5", nil},
		{"int", "9223372036854775807", 9223372036854775807},
		{"int", "9223372036854775808", nil},
		{"int", "99999999999999999999999", nil},
		{"int(signed=True)", "-9223372036854775808", -9223372036854775808},
		{"int(signed=True)", "-9223372036854775809", nil},
		{"int(signed=True)", "-5", -5},
		{"int(signed=True)", "-", nil},
		{"int(fixed_digits=3)", "042", 42},
		{"int(fixed_digits=3)", "42", nil},
		{"int(min=1, max=9)", "9", 9},
		{"int(min=1, max=9)", "0", nil},
		{"int(min=1, max=9)", "10", nil},
		{"float", "1.5", 1.5},
		{"float", "1", nil},
		{"float", ".5", nil},
		{"float", "1.", nil},
		{"float", "-1.5", nil},
		{"float", "1e5", nil},
		{"float(signed=True)", "-1.5", -1.5},
		{"float(min=0.5, max=2)", "2.0", 2.0},
		{"float(min=0.5, max=2)", "2.5", nil},
		{"float(min=0.5, max=2)", "0.25", nil},
		{"path", "a/b/c", "a/b/c"},
		{"path", "a/", "a/"},
		{"path", "/a", nil},
		{"path", "", nil},
		{"uuid", uuidText, mustUUID(t, uuidText)},
		{"uuid", strings.ToUpper(uuidText), mustUUID(t, uuidText)},
		{"uuid", "6ba7b810-9dad-11d1-80b4-00c04fd430c", nil},
		{"uuid", "6ba7b810x9dad-11d1-80b4-00c04fd430c8", nil},
		{"uuid", "6ba7b810-9dad-11d1-80b4-00c04fd430cg", nil},
		{"any(about, help)", "help", "help"},
		{"any(about, help)", "other", nil},
		{"any(about, help)", "Help", nil},
	}
	for _, tt := range tests {
		t.Run(tt.spec+"/"+tt.in, func(t *testing.T) {
			c := conv(t, tt.spec)
			if got := c.Match(tt.in); got != (tt.want != nil) {
				t.Fatalf("Match(%q) = %v, want %v", tt.in, got, tt.want != nil)
			}
			v, err := c.ToGo(tt.in)
			if tt.want == nil {
				if err == nil {
					t.Errorf("ToGo(%q) = %v, want an error", tt.in, v)
				}
				return
			}
			if err != nil || v != tt.want {
				t.Errorf("ToGo(%q) = %#v, %v; want %#v", tt.in, v, err, tt.want)
			}
		})
	}
}

func mustUUID(t *testing.T, s string) UUID {
	u, err := ParseUUID(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestConverterToURL(t *testing.T) {
	u := UUID{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	tests := []struct {
		spec string
		in   any
		want string // "" means an error is expected
	}{
		{"string", "x y", "x y"},
		{"string", 12, "12"},
		{"string", "", ""},
		{"string", "a/b", ""},
		{"string", struct{}{}, ""},
		{"string(length=2)", "abc", ""},
		{"int", 42, "42"},
		{"int", int8(4), "4"},
		{"int", uint64(7), "7"},
		{"int", uint64(1 << 63), ""},
		{"int", "42", "42"},
		{"int", "4x", ""},
		{"int", -1, ""},
		{"int", 1.5, "1"}, // Python int(1.5)
		{"int(signed=True)", -1, "-1"},
		{"int(fixed_digits=4)", 42, "0042"},
		{"int(fixed_digits=4, signed=True)", -42, "-042"},
		{"int(fixed_digits=2)", 420, ""},
		{"int(min=1, max=9)", 10, ""},
		{"float", 1.5, "1.5"},
		{"float", 2.0, "2.0"},
		{"float", 3, "3.0"},
		{"float", 1e21, "1000000000000000000000.0"},
		{"float", -1.5, ""},
		{"float", "abc", ""},
		{"float(signed=True)", -0.25, "-0.25"},
		{"float(max=1)", 1.5, ""},
		{"path", "a/b c", "a/b c"},
		{"path", "/abs", ""},
		{"uuid", u, "6ba7b810-9dad-11d1-80b4-00c04fd430c8"},
		{"uuid", [16]byte(u), "6ba7b810-9dad-11d1-80b4-00c04fd430c8"},
		{"uuid", "6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"},
		{"uuid", "nope", ""},
		{"uuid", 5, ""},
		{"any(a, b)", "b", "b"},
		{"any(a, b)", "c", ""},
		{"any(1, 2)", 2, "2"},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			got, err := conv(t, tt.spec).ToURL(tt.in)
			if tt.want == "" && err == nil {
				t.Errorf("ToURL(%#v) = %q, want an error", tt.in, got)
			}
			if tt.want != "" && (err != nil || got != tt.want) {
				t.Errorf("ToURL(%#v) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestUUIDRoundTrip(t *testing.T) {
	const s = "00112233-4455-6677-8899-aabbccddeeff"
	u, err := ParseUUID(s)
	if err != nil {
		t.Fatal(err)
	}
	if u[0] != 0x00 || u[15] != 0xff || u.String() != s {
		t.Errorf("ParseUUID(%q) = %v (% x)", s, u, u[:])
	}
}
