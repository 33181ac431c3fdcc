package session_test

import (
	"fmt"
	"net/http/httptest"
	"time"

	"github.com/flagon-go/flagon/session"
)

// A request that logs in, then a request that reads the session back.
func ExampleCookieInterface() {
	opts := session.DefaultOptions([]byte("s3cr3t-1"))
	opts.Clock = func() time.Time { return time.Unix(1795239266, 0) }
	store := session.NewCookieInterface(opts)

	w := httptest.NewRecorder()
	s := store.Open(httptest.NewRequest("GET", "/login", nil))
	s.Set("user_id", 42)
	s.Set("name", "alice")
	_ = store.Save(w, nil, s)
	fmt.Println(w.Header().Get("Set-Cookie"))
	fmt.Println("Vary:", w.Header().Get("Vary"))

	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Cookie", w.Header().Get("Set-Cookie"))
	id, _ := store.Open(r).Get("user_id")
	fmt.Printf("%T %v\n", id, id)
	// Output:
	// session=eyJuYW1lIjoiYWxpY2UiLCJ1c2VyX2lkIjo0Mn0.awEtYg.JdxrXpSFz-gK9L6y5JLatlTOL_g; Path=/; HttpOnly
	// Vary: Cookie
	// int64 42
}

func ExampleFlash() {
	s := session.New(nil)
	session.Flash(s, "Product created", "")
	session.Flash(s, "Name is required", "error")
	for _, f := range session.FlashedMessages(s, true, nil) {
		fmt.Println(f.Category, f.Message)
	}
	// Output:
	// message Product created
	// error Name is required
}

// The web core keeps one Flashes per request so that templates can call
// get_flashed_messages several times.
func ExampleFlashes() {
	s := session.New(nil)
	session.Flash(s, "Saved", "info")
	session.Flash(s, "Disk almost full", "warning")
	flashes := session.NewFlashes(s)
	fmt.Println(flashes.Get(false, []string{"warning"}))
	fmt.Println(len(flashes.Get(true, nil)), s.Len())
	// Output:
	// [{ Disk almost full false}]
	// 2 0
}

func ExampleCodec() {
	c := session.NewCodec([]byte("s3cr3t-1"), [][]byte{[]byte("old-secret-1")}, nil)
	data, err := c.Decode("eyJ1c2VyX2lkIjo3fQ.awEtYg.Hby1yR8dUUNVdkGkzHYQeMdF1ck", 0)
	fmt.Println(data, err)
	// Output: map[user_id:7] <nil>
}

func ExampleSession_SetPermanent() {
	s := session.New(nil)
	s.SetPermanent(true)
	fmt.Println(s.Permanent(), s.Keys(), s.Modified)
	// Output: true [_permanent] true
}
