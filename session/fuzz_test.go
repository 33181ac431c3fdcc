package session

import "testing"

func FuzzOpen(f *testing.F) {
	v := loadFlask(f)
	for _, c := range v.Sessions {
		f.Add(c.Cookie)
	}
	for _, c := range v.Tampered {
		f.Add(c)
	}
	ci := NewCookieInterface(v.options(v.GeneratedAt))
	f.Fuzz(func(t *testing.T, cookie string) {
		s := ci.Open(requestWithCookie(cookie))
		if s.New && s.Len() != 0 {
			t.Fatal("new session with data")
		}
	})
}
