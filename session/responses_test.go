package session

import (
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// flaskViews are Go versions of the views in testdata/gen_responses.py.
var flaskViews = map[string]func(s *Session) string{
	"/set": func(s *Session) string {
		s.Set("user_id", 42)
		s.Set("name", "alice")
		return ""
	},
	"/permanent": func(s *Session) string {
		s.SetPermanent(true)
		s.Set("cart", []any{1, 2, 3})
		return ""
	},
	"/read": func(s *Session) string {
		v, ok := s.Get("user_id")
		if !ok {
			return "None"
		}
		return fmt.Sprint(v)
	},
	"/clear": func(s *Session) string { s.Clear(); return "" },
	"/none":  func(s *Session) string { return "" },
	"/flash": func(s *Session) string {
		Flash(s, "Product created", "")
		Flash(s, "Name is required", "error")
		return ""
	},
	"/show": func(s *Session) string {
		// The body is Python's json.dumps of the (category, message) pairs.
		var pairs []string
		for _, f := range FlashedMessages(s, true, nil) {
			pairs = append(pairs, fmt.Sprintf("[%q, %q]", f.Category, f.Message))
		}
		return "[" + strings.Join(pairs, ", ") + "]"
	},
}

type flaskResponse struct {
	Path          string
	RequestCookie string   `json:"request_cookie"`
	SetCookie     []string `json:"set_cookie"`
	Vary          string
	Body          string
}

// TestMatchesFlaskResponses replays the requests recorded from Flask and
// compares Set-Cookie (attributes in any order) and Vary.
func TestMatchesFlaskResponses(t *testing.T) {
	var rec struct {
		Now       int64
		SecretKey string `json:"secret_key"`
		Responses []flaskResponse
	}
	loadJSON(t, "testdata/flask-responses.json", &rec)
	opts := DefaultOptions([]byte(rec.SecretKey))
	opts.Clock = clockAt(rec.Now)
	ci := NewCookieInterface(opts)
	for i, want := range rec.Responses {
		t.Run(fmt.Sprint(i, want.Path), func(t *testing.T) {
			s := ci.Open(requestWithCookie(want.RequestCookie))
			body := flaskViews[want.Path](s)
			w := httptest.NewRecorder()
			if err := ci.Save(w, nil, s); err != nil {
				t.Fatal(err)
			}
			compareResponse(t, want, body, w)
		})
	}
}

func compareResponse(t *testing.T, want flaskResponse, body string, w *httptest.ResponseRecorder) {
	t.Helper()
	if body != want.Body {
		t.Errorf("body = %q, want %q", body, want.Body)
	}
	if got := w.Header().Get("Vary"); got != want.Vary {
		t.Errorf("Vary = %q, want %q", got, want.Vary)
	}
	got := w.Header().Values("Set-Cookie")
	if len(got) != len(want.SetCookie) {
		t.Fatalf("Set-Cookie = %q, want %q", got, want.SetCookie)
	}
	for i := range got {
		if a, b := cookieParts(got[i]), cookieParts(want.SetCookie[i]); !slices.Equal(a, b) {
			t.Errorf("Set-Cookie = %q\n       want %q", got[i], want.SetCookie[i])
		}
	}
}

// cookieParts splits a Set-Cookie value: name=value first, then the sorted
// attributes.
func cookieParts(h string) []string {
	parts := strings.Split(h, "; ")
	slices.Sort(parts[1:])
	return parts
}
