package config

import (
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"
)

func TestSetGetHasDelete(t *testing.T) {
	c := New()
	c.Set("A", 1)
	c.Set("NONE", nil)
	tests := []struct {
		name    string
		key     string
		wantV   any
		wantOK  bool
		wantHas bool
	}{
		{"set", "A", 1, true, true},
		{"set to nil", "NONE", nil, true, true},
		{"unset", "B", nil, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, ok := c.Get(tc.key)
			if v != tc.wantV || ok != tc.wantOK || c.Has(tc.key) != tc.wantHas {
				t.Errorf("Get = %v, %v; Has = %v", v, ok, c.Has(tc.key))
			}
		})
	}
	c.Delete("A")
	c.Delete("MISSING")
	if c.Has("A") || c.Len() != 1 {
		t.Errorf("after Delete: Has(A) = %v, Len = %d", c.Has("A"), c.Len())
	}
}

func TestKeysSorted(t *testing.T) {
	c := New()
	for _, k := range []string{"C", "A", "B"} {
		c.Set(k, k)
	}
	if got := c.Keys(); !slices.Equal(got, []string{"A", "B", "C"}) {
		t.Errorf("Keys = %v", got)
	}
}

func TestDefaults(t *testing.T) {
	c := NewWithDefaults()
	tests := []struct {
		key  string
		want any
	}{
		{"DEBUG", false},
		{"TESTING", false},
		{"PROPAGATE_EXCEPTIONS", nil},
		{"SECRET_KEY", nil},
		{"SECRET_KEY_FALLBACKS", nil},
		{"PERMANENT_SESSION_LIFETIME", 31 * 24 * time.Hour},
		{"USE_X_SENDFILE", false},
		{"TRUSTED_HOSTS", nil},
		{"SERVER_NAME", nil},
		{"APPLICATION_ROOT", "/"},
		{"SESSION_COOKIE_NAME", "session"},
		{"SESSION_COOKIE_DOMAIN", nil},
		{"SESSION_COOKIE_PATH", nil},
		{"SESSION_COOKIE_HTTPONLY", true},
		{"SESSION_COOKIE_SECURE", false},
		{"SESSION_COOKIE_PARTITIONED", false},
		{"SESSION_COOKIE_SAMESITE", "Lax"},
		{"SESSION_REFRESH_EACH_REQUEST", true},
		{"MAX_CONTENT_LENGTH", nil},
		{"MAX_FORM_MEMORY_SIZE", 500000},
		{"MAX_FORM_PARTS", 1000},
		{"SEND_FILE_MAX_AGE_DEFAULT", nil},
		{"TRAP_BAD_REQUEST_ERRORS", nil},
		{"TRAP_HTTP_EXCEPTIONS", false},
		{"EXPLAIN_TEMPLATE_LOADING", false},
		{"PREFERRED_URL_SCHEME", "http"},
		{"TEMPLATES_AUTO_RELOAD", nil},
		{"MAX_COOKIE_SIZE", 4093},
		{"PROVIDE_AUTOMATIC_OPTIONS", true},
	}
	if c.Len() != len(tests) {
		t.Errorf("NewWithDefaults has %d keys, want %d", c.Len(), len(tests))
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			v, ok := c.Get(tc.key)
			if !ok || v != tc.want {
				t.Errorf("Get(%s) = %#v, %v; want %#v", tc.key, v, ok, tc.want)
			}
		})
	}
}

func TestNilDefaultsReadAsUnset(t *testing.T) {
	c := NewWithDefaults()
	n, err := c.Int("MAX_CONTENT_LENGTH")
	if n != 0 || err != nil {
		t.Errorf("Int(MAX_CONTENT_LENGTH) = %d, %v; want 0, nil", n, err)
	}
	if got := c.StringOr("SERVER_NAME", "localhost"); got != "localhost" {
		t.Errorf("StringOr(SERVER_NAME) = %q", got)
	}
}

func TestSnapshotIsDeepCopy(t *testing.T) {
	c := New()
	c.Set("DB", map[string]any{"URL": "x", "OPTS": []any{"a"}})
	c.Set("HOSTS", []string{"a"})
	snap := c.Snapshot()
	snap["DB"].(map[string]any)["URL"] = "changed"
	snap["DB"].(map[string]any)["OPTS"].([]any)[0] = "changed"
	snap["HOSTS"].([]string)[0] = "changed"
	snap["NEW"] = 1
	want := map[string]any{"DB": map[string]any{"URL": "x", "OPTS": []any{"a"}}, "HOSTS": []string{"a"}}
	if got := c.Snapshot(); !reflect.DeepEqual(got, want) {
		t.Errorf("config changed through its snapshot: %#v", got)
	}
}

func TestConcurrentAccess(t *testing.T) {
	c := NewWithDefaults()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				key := fmt.Sprintf("K%d", i%10)
				c.Set(key, g*i)
				c.Get(key)
				c.IntOr(key, 0)
				c.Keys()
				c.Namespace("K", true, true)
				c.FromEnviron("X", []string{fmt.Sprintf("X_N__K%d=%d", g, i)})
				c.Snapshot()
				c.MaskedSnapshot()
			}
		})
	}
	wg.Wait()
	if got, _ := c.Map("N"); len(got) != 8 {
		t.Errorf("N has %d keys after concurrent nesting, want 8", len(got))
	}
}

func TestSetDefault(t *testing.T) {
	c := New()
	c.Set("SET", "old")
	c.Set("NONE", nil)
	tests := []struct {
		name string
		key  string
		want any
	}{
		{"unset takes default", "NEW", "default"},
		{"set keeps value", "SET", "old"},
		{"nil keeps nil", "NONE", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := c.SetDefault(tc.key, "default")
			stored, _ := c.Get(tc.key)
			if got != tc.want || stored != tc.want {
				t.Errorf("SetDefault = %v, stored %v; want %v", got, stored, tc.want)
			}
		})
	}
}

func TestViewIsSharedUntilAChange(t *testing.T) {
	c := New()
	c.Set("A", 1)
	v1, v2 := c.View(), c.View()
	if v1["A"] != 1 || fmt.Sprintf("%p", v1) != fmt.Sprintf("%p", v2) {
		t.Fatalf("two Views without a change differ: %v %v", v1, v2)
	}
	for _, change := range []struct {
		name string
		do   func()
		key  string
		want any
	}{
		{"Set", func() { c.Set("A", 2) }, "A", 2},
		{"SetDefault", func() { c.SetDefault("B", 3) }, "B", 3},
		{"Delete", func() { c.Delete("B") }, "B", nil},
		{"FromMap", func() { c.FromMap(map[string]any{"C": 4}) }, "C", 4},
	} {
		t.Run(change.name, func(t *testing.T) {
			change.do()
			if got := c.View()[change.key]; got != change.want {
				t.Fatalf("View()[%q] = %v after %s, want %v", change.key, got, change.name, change.want)
			}
		})
	}
}
