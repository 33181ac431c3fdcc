package config

import (
	"math"
	"reflect"
	"slices"
	"testing"
)

func TestFromEnvironValues(t *testing.T) {
	tests := []struct {
		name  string
		value string
		want  any
	}{
		{"int", "42", 42},
		{"negative int", "-7", -7},
		{"float", "1.5", 1.5},
		{"int beyond 64 bits", "123456789012345678901234", 1.2345678901234568e23},
		{"out of float range", "1e999", math.Inf(1)},
		{"true", "true", true},
		{"false", "false", false},
		{"null", "null", nil},
		{"list", `[1, "a", true]`, []any{1, "a", true}},
		{"object", `{"a": 1, "b": [2.5]}`, map[string]any{"a": 1, "b": []any{2.5}}},
		{"json string", `"quoted"`, "quoted"},
		{"padded json", " 3 ", 3},
		{"plain word", "hello", "hello"},
		{"python True", "True", "True"},
		{"leading zero", "0123", "0123"},
		{"url", "postgresql://u@h/db", "postgresql://u@h/db"},
		{"two values", "1 2", "1 2"},
		{"trailing brace", "1 }", "1 }"},
		{"broken object", `{"a":`, `{"a":`},
		{"empty", "", ""},
		{"equals in value", "a=b", "a=b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := New()
			n := c.FromEnviron("FLAGON", []string{"FLAGON_K=" + tc.value})
			got, ok := c.Get("K")
			if n != 1 || !ok || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("n = %d, K = %#v (%v), want %#v", n, got, ok, tc.want)
			}
		})
	}
}

func TestFromEnvironPrefix(t *testing.T) {
	environ := []string{"FLAGON_A=1", "FLAGONB=2", "OTHER_C=3", "MYAPP_D=4", "NOEQUALS", "FLAGON_=5", "=C:=x"}
	tests := []struct {
		name   string
		prefix string
		want   []string
	}{
		{"bare prefix gets underscore", "FLAGON", []string{"A"}},
		{"prefix with underscore", "FLAGON_", []string{"A"}},
		{"empty means FLAGON", "", []string{"A"}},
		{"other prefix", "MYAPP", []string{"D"}},
		{"no match", "NOPE", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := New()
			n := c.FromEnviron(tc.prefix, environ)
			if got := c.Keys(); n != len(tc.want) || !slices.Equal(got, tc.want) {
				t.Errorf("n = %d, Keys = %v, want %v", n, got, tc.want)
			}
		})
	}
}

// TestFromEnvironSkipsReserved: the PIN the reloader hands its child in
// FLAGON_DEBUG_PIN must not become the config key DEBUG_PIN (issue 15).
func TestFromEnvironSkipsReserved(t *testing.T) {
	environ := []string{
		"FLAGON_DEBUG_PIN=123-456-789", "FLAGON_DEBUG_SECRET=abcdef0123456789abcdef0123456789",
		"FLAGON_LISTEN_FD=3", "FLAGON_READY_FD=4", "FLAGON_BUILD_STATUS=/tmp/s",
		"FLAGON_RELOADER_POLL=1", "FLAGON_DEBUG=1", "FLAGON_DEBUG_PINNED=x",
	}
	tests := []struct {
		name   string
		prefix string
		want   []string
	}{
		{"flagon prefix", "FLAGON", []string{"DEBUG", "DEBUG_PINNED"}},
		{"longer prefix", "FLAGON_DEBUG", []string{"PINNED"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := New()
			n := c.FromEnviron(tc.prefix, environ)
			if got := c.Keys(); n != len(tc.want) || !slices.Equal(got, tc.want) {
				t.Errorf("n = %d, Keys = %v, want %v", n, got, tc.want)
			}
		})
	}
}

func TestFromEnvironNesting(t *testing.T) {
	tests := []struct {
		name     string
		existing map[string]any
		environ  []string
		wantN    int
		want     map[string]any
	}{
		{
			name:    "one level",
			environ: []string{"FLAGON_DB__URL=sqlite://", "FLAGON_DB__POOL=5"},
			wantN:   2,
			want:    map[string]any{"DB": map[string]any{"URL": "sqlite://", "POOL": 5}},
		},
		{
			name:    "deep",
			environ: []string{"FLAGON_A__B__C__D=true"},
			wantN:   1,
			want:    map[string]any{"A": map[string]any{"B": map[string]any{"C": map[string]any{"D": true}}}},
		},
		{
			name:     "merges into existing map",
			existing: map[string]any{"DB": map[string]any{"URL": "old", "ECHO": false}},
			environ:  []string{"FLAGON_DB__URL=new"},
			wantN:    1,
			want:     map[string]any{"DB": map[string]any{"URL": "new", "ECHO": false}},
		},
		{
			name:     "replaces nil",
			existing: map[string]any{"DB": nil},
			environ:  []string{"FLAGON_DB__URL=x"},
			wantN:    1,
			want:     map[string]any{"DB": map[string]any{"URL": "x"}},
		},
		{
			name:     "conflict with existing scalar is skipped",
			existing: map[string]any{"DB": "sqlite://"},
			environ:  []string{"FLAGON_DB__URL=x", "FLAGON_OK=1"},
			wantN:    1,
			want:     map[string]any{"DB": "sqlite://", "OK": 1},
		},
		{
			name:    "conflict with sibling variable is skipped",
			environ: []string{"FLAGON_DB__URL=x", "FLAGON_DB=plain"},
			wantN:   1,
			want:    map[string]any{"DB": "plain"},
		},
		{
			name:    "conflict deeper down",
			environ: []string{"FLAGON_A__B=1", "FLAGON_A__B__C=2"},
			wantN:   1,
			want:    map[string]any{"A": map[string]any{"B": 1}},
		},
		{
			name:    "json object then nested key",
			environ: []string{`FLAGON_DB={"URL":"a"}`, "FLAGON_DB__ECHO=true"},
			wantN:   2,
			want:    map[string]any{"DB": map[string]any{"URL": "a", "ECHO": true}},
		},
		{
			name:    "empty parts are skipped",
			environ: []string{"FLAGON_A____B=1", "FLAGON_C__=2", "FLAGON___D=3"},
			wantN:   0,
			want:    map[string]any{},
		},
		{
			name:    "lower-case parts kept",
			environ: []string{"FLAGON_DB__url=x"},
			wantN:   1,
			want:    map[string]any{"DB": map[string]any{"url": "x"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := New()
			c.FromMap(tc.existing)
			n := c.FromEnviron("FLAGON", tc.environ)
			if got := c.Snapshot(); n != tc.wantN || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("n = %d, config = %#v; want %d, %#v", n, got, tc.wantN, tc.want)
			}
		})
	}
}

func TestFromEnvironCopiesNestedMaps(t *testing.T) {
	c := New()
	c.Set("DB", map[string]any{"URL": "old"})
	before, _ := c.Get("DB")
	c.FromEnviron("FLAGON", []string{"FLAGON_DB__URL=new"})
	if got := before.(map[string]any)["URL"]; got != "old" {
		t.Errorf("map returned by Get was modified in place: URL = %v", got)
	}
}

func TestFromEnv(t *testing.T) {
	t.Setenv("FLAGONTEST_PORT", "8080")
	t.Setenv("FLAGONTEST_DB__ECHO", "true")
	c := New()
	if n := c.FromEnv("FLAGONTEST"); n != 2 {
		t.Fatalf("FromEnv = %d, want 2", n)
	}
	if port, _ := c.Int("PORT"); port != 8080 {
		t.Errorf("PORT = %d", port)
	}
	if db, _ := c.Map("DB"); db["ECHO"] != true {
		t.Errorf("DB = %v", db)
	}
}

func FuzzFromEnviron(f *testing.F) {
	f.Add("FLAGON_A", "1")
	f.Add("FLAGON_DB__URL", `{"a":[1,2.5,null]}`)
	f.Add("FLAGON_A__B", "1e999")
	f.Add("FLAGON_____", "")
	f.Add("FLAGON_A", "\xff\"")
	f.Fuzz(func(t *testing.T, name, value string) {
		c := New()
		c.Set("A", "scalar")
		environ := []string{name + "=" + value, "FLAGON_A__X=1", "FLAGON_Z=" + value}
		n := c.FromEnviron("FLAGON", environ)
		if n < 1 || n > len(environ) {
			t.Fatalf("FromEnviron stored %d of %d entries", n, len(environ))
		}
		c.MaskedSnapshot()
		c.StringOr("Z", "")
		c.DurationOr("Z", 0)
	})
}
