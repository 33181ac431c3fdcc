package dialect

import (
	"errors"
	"strings"
	"testing"
)

func TestRebindNumbered(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "a = ? AND b = ?", "a = $1 AND b = $2"},
		{"quoted string", "a = '?' AND b = ?", "a = '?' AND b = $1"},
		{"escaped quote", "a = 'it''s ?' AND b = ?", "a = 'it''s ?' AND b = $1"},
		{"quoted ident", `"we?ird" = ?`, `"we?ird" = $1`},
		{"comment", "-- why?\nSELECT ?", "-- why?\nSELECT $1"},
		{"escaped mark", "data ?? 'k' AND x = ?", "data ? 'k' AND x = $1"},
		{"unterminated", "a = 'oops ?", "a = 'oops ?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RebindNumbered(tt.in, "$"); got != tt.want {
				t.Errorf("RebindNumbered(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRebindQuestion(t *testing.T) {
	if got, want := RebindQuestion("a ?? b = ? AND c = '??'"), "a ? b = ? AND c = '??'"; got != want {
		t.Errorf("RebindQuestion = %q, want %q", got, want)
	}
}

func TestQuoteWith(t *testing.T) {
	if got := QuoteWith(`a"b`, '"'); got != `"a""b"` {
		t.Errorf("QuoteWith = %s", got)
	}
	if got := QuoteWith("a`b", '`'); got != "`a``b`" {
		t.Errorf("QuoteWith = %s", got)
	}
}

func TestFeatureHas(t *testing.T) {
	f := Returning | Savepoints
	if !f.Has(Returning) || !f.Has(Returning|Savepoints) || f.Has(OnConflict) || f.Has(Returning|OnConflict) {
		t.Errorf("Has is wrong for %b", f)
	}
}

func TestViolation(t *testing.T) {
	driverErr := errors.New("driver says no")
	err := Violation(ErrUniqueViolation, driverErr)
	if !errors.Is(err, ErrUniqueViolation) || !errors.Is(err, driverErr) || errors.Is(err, ErrCheckViolation) {
		t.Errorf("Violation does not match its kind and cause: %v", err)
	}
	if Violation(nil, driverErr) != driverErr {
		t.Error("Violation(nil, err) must return err unchanged")
	}
}

func TestKindString(t *testing.T) {
	if Numeric.String() != "numeric" || Kind(200).String() != "invalid" {
		t.Errorf("Kind.String wrong: %s %s", Numeric, Kind(200))
	}
}

func FuzzRebindNumbered(f *testing.F) {
	for _, s := range []string{"a = ?", "'?' ?", `"x?" ??`, "-- ?\n?", "'unterminated ?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := RebindNumbered(s, "$")
		if !strings.ContainsRune(s, '?') && out != s {
			t.Fatalf("text without placeholders changed: %q -> %q", s, out)
		}
		if RebindQuestion(s) == "" && s != "" && !strings.Contains(s, "??") {
			t.Fatalf("RebindQuestion lost text of %q", s)
		}
	})
}
