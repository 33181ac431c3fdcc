package session

import (
	"slices"
	"testing"
)

func TestSessionFlags(t *testing.T) {
	tests := []struct {
		name                   string
		op                     func(s *Session)
		wantModified, wantRead bool
	}{
		{"get", func(s *Session) { s.Get("a") }, false, true},
		{"keys", func(s *Session) { s.Keys() }, false, true},
		{"len", func(s *Session) { s.Len() }, false, true},
		{"permanent", func(s *Session) { s.Permanent() }, false, true},
		{"values", func(s *Session) { s.Values() }, false, true},
		{"set", func(s *Session) { s.Set("b", 2) }, true, true},
		{"delete existing", func(s *Session) { s.Delete("a") }, true, true},
		{"delete missing", func(s *Session) { s.Delete("zz") }, false, true},
		{"clear", func(s *Session) { s.Clear() }, true, true},
		{"set permanent", func(s *Session) { s.SetPermanent(false) }, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(map[string]any{"a": 1})
			tt.op(s)
			if s.Modified != tt.wantModified || s.Accessed != tt.wantRead {
				t.Errorf("Modified=%v Accessed=%v, want %v %v", s.Modified, s.Accessed, tt.wantModified, tt.wantRead)
			}
		})
	}
}

func TestSessionData(t *testing.T) {
	s := New(nil)
	s.Set("b", 1)
	s.Set("a", "x")
	s.SetPermanent(true)
	if got := s.Keys(); !slices.Equal(got, []string{"_permanent", "a", "b"}) {
		t.Errorf("Keys = %v", got)
	}
	if !s.Permanent() {
		t.Error("Permanent() = false")
	}
	if v, ok := s.Pop("a"); v != "x" || !ok {
		t.Errorf("Pop = %v, %v", v, ok)
	}
	vals := s.Values()
	vals["c"] = 3
	if _, ok := s.Get("c"); ok {
		t.Error("Values is not a copy")
	}
	s.Clear()
	if s.Len() != 0 || s.Permanent() {
		t.Error("Clear left data")
	}
}
