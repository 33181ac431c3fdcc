package session

import (
	"reflect"
	"testing"
)

var fixtureFlashes = []Flashed{{Category: "message", Message: "Product created"}, {Category: "error", Message: "Name is required"}}

func TestFlashWritesFlaskFormat(t *testing.T) {
	s := New(nil)
	Flash(s, "Product created", "")
	Flash(s, "Name is required", "error")
	want := fixturePayloads()[9]
	if !reflect.DeepEqual(s.data, want) {
		t.Fatalf("data = %#v, want %#v", s.data, want)
	}
}

func TestPopFlashesFromFlaskCookie(t *testing.T) {
	v := loadFlask(t)
	ci := NewCookieInterface(v.options(v.GeneratedAt))
	s := ci.Open(requestWithCookie(v.Sessions[9].Cookie))
	if got := PopFlashes(s); !reflect.DeepEqual(got, fixtureFlashes) {
		t.Fatalf("PopFlashes = %#v", got)
	}
	if !s.Modified || s.Len() != 0 {
		t.Error("flashes not removed from the session")
	}
	if got := PopFlashes(s); got != nil {
		t.Errorf("second PopFlashes = %#v, want nil", got)
	}
}

func TestFlashedMessages(t *testing.T) {
	tests := []struct {
		name           string
		withCategories bool
		filter         []string
		want           []Flashed
	}{
		{"all", true, nil, fixtureFlashes},
		{"messages only", false, nil, []Flashed{{Message: "Product created"}, {Message: "Name is required"}}},
		{"filtered", true, []string{"error"}, fixtureFlashes[1:]},
		{"filter matches nothing", true, []string{"info"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(map[string]any{FlashesKey: fixturePayloads()[9][FlashesKey]})
			if got := FlashedMessages(s, tt.withCategories, tt.filter); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("FlashedMessages = %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestFlashesCachePerRequest(t *testing.T) {
	s := New(nil)
	Flash(s, "one", "info")
	Flash(s, "<b>two</b>", "")
	f := NewFlashes(s)
	first := f.Get(true, []string{"info"})
	all := f.Get(true, nil)
	if len(first) != 1 || len(all) != 2 {
		t.Fatalf("Get = %v then %v", first, all)
	}
	Flash(s, "next request", "")
	if got := f.Get(false, nil); len(got) != 2 {
		t.Errorf("cache re-read the session: %v", got)
	}
}

func TestPopFlashesSkipsMalformedEntries(t *testing.T) {
	s := New(map[string]any{FlashesKey: []any{
		Tuple{"ok", Markup("<i>x</i>")}, []any{"list", "pair"}, Tuple{"short"}, Tuple{1, "x"}, "text", Tuple{"c", 5},
	}})
	want := []Flashed{{Category: "ok", Message: "<i>x</i>", Markup: true}, {Category: "list", Message: "pair"}}
	if got := PopFlashes(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("PopFlashes = %#v", got)
	}
}
