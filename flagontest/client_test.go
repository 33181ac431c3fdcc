package flagontest_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/flagontest"
)

// echo answers with what it received, and sets or clears a cookie.
func echo() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "sid", Value: "abc", Path: "/"})
		http.Redirect(w, r, "/me", http.StatusFound)
	})
	mux.HandleFunc("/me", func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("sid")
		if err != nil {
			io.WriteString(w, "anonymous")
			return
		}
		io.WriteString(w, "sid="+c.Value)
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		io.WriteString(w, r.Method+" "+r.URL.RawQuery+" "+r.Header.Get("Content-Type")+" "+string(b))
	})
	return mux
}

func TestClient(t *testing.T) {
	tests := []struct {
		name string
		do   func(cl *flagontest.Client) *flagontest.Response
		want string
	}{
		{"query option merges with the path's", func(cl *flagontest.Client) *flagontest.Response {
			return cl.Get("/echo?a=1", flagontest.Query(url.Values{"b": {"2"}}))
		}, "GET a=1&b=2  "},
		{"form body", func(cl *flagontest.Client) *flagontest.Response {
			return cl.Post("/echo", flagontest.Form(url.Values{"x": {"y z"}}))
		}, "POST  application/x-www-form-urlencoded x=y+z"},
		{"json body", func(cl *flagontest.Client) *flagontest.Response {
			return cl.Put("/echo", flagontest.JSON(map[string]int{"n": 1}))
		}, `PUT  application/json {"n":1}`},
		{"raw body", func(cl *flagontest.Client) *flagontest.Response {
			return cl.Patch("/echo", flagontest.Raw("text/csv", []byte("a,b")))
		}, "PATCH  text/csv a,b"},
		{"multipart body", func(cl *flagontest.Client) *flagontest.Response {
			return cl.Post("/echo", flagontest.Files(url.Values{"f": {"v"}}, flagontest.File{Field: "doc", Name: "a.txt", Content: []byte("hi")}))
		}, "POST  multipart/form-data; boundary="},
		{"cookies kept across redirects", func(cl *flagontest.Client) *flagontest.Response {
			return cl.Get("/login", flagontest.FollowRedirects())
		}, "sid=abc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.do(flagontest.NewClient(t, echo())).Text()
			if !strings.HasPrefix(got, tt.want) {
				t.Fatalf("got %q, want prefix %q", got, tt.want)
			}
		})
	}
}

func TestCookieJarAndHistory(t *testing.T) {
	cl := flagontest.NewClient(t, echo())
	res := cl.Get("/login")
	if res.StatusCode != http.StatusFound || res.Location() != "/me" || len(res.History) != 0 {
		t.Fatalf("without following: %d %q", res.StatusCode, res.Location())
	}
	if got := cl.Get("/me").Text(); got != "sid=abc" {
		t.Fatalf("jar lost the cookie: %q", got)
	}
	cl.FollowRedirects = true
	res = cl.Get("/login")
	if len(res.History) != 1 || res.History[0].StatusCode != http.StatusFound {
		t.Fatalf("history: %d", len(res.History))
	}
	var v map[string]any
	if err := flagontest.NewClient(t, echo()).Get("/me").JSON(&v); err == nil {
		t.Fatal("JSON of a non-JSON body should fail")
	}
}
