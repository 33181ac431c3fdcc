package main

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/flagontest/dbtest"
	"github.com/flagon-go/flagon/orm"
	"github.com/flagon-go/flagon/security"
	"github.com/flagon-go/flagon/session"
)

// fixture is the app on a fresh database with Flaskr's test data: users
// "test" and "other" (passwords "test" and "other") and one post by
// "test", created 2018-01-01.
type fixture struct {
	t   *testing.T
	app *flagon.App
	db  *database.DB
	cl  *flagontest.Client
}

func newFixture(t *testing.T, dbURL string) *fixture {
	t.Helper()
	t.Setenv("FLAGON_DATABASE_URL", dbURL)
	t.Setenv("FLAGON_TESTING", "1")
	app, db, err := build()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx := context.Background()
	if err := db.DropAll(ctx); err != nil { // the subtests share one database per dialect
		t.Fatal(err)
	}
	if err := db.CreateAll(ctx); err != nil {
		t.Fatal(err)
	}
	s := db.Engine().Session()
	defer s.Close(context.Background())
	for _, name := range []string{"test", "other"} {
		hash, err := security.GeneratePasswordHash(name, "pbkdf2:sha256:1000", 8)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Add(&User{Username: name, Password: hash}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	post := &Post{Title: "test title", Body: "test\nbody", AuthorID: 1, Created: time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)}
	if err := s.Add(post); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, app: app, db: db, cl: flagontest.NewClient(t, app)}
}

func (f *fixture) post(path string, form map[string]string) *flagontest.Response {
	v := url.Values{}
	for k, x := range form {
		v.Set(k, x)
	}
	return f.cl.Post(path, flagontest.Form(v))
}

func (f *fixture) login(username, password string) *flagontest.Response {
	return f.post("/auth/login", map[string]string{"username": username, "password": password})
}

// postRow reads post id from the database (nil when it is gone).
func (f *fixture) postRow(id int) *Post {
	f.t.Helper()
	s := f.db.Engine().Session()
	defer s.Close(context.Background())
	p, err := orm.Select[Post](s).FilterBy("ID", id).First(context.Background())
	if err != nil {
		return nil
	}
	return p
}

func (f *fixture) countPosts() int {
	f.t.Helper()
	s := f.db.Engine().Session()
	defer s.Close(context.Background())
	posts, err := orm.Select[Post](s).All(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	return len(posts)
}

func contains(t *testing.T, res *flagontest.Response, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(res.Text(), w) {
			t.Errorf("response %d lacks %q:\n%s", res.StatusCode, w, res.Text())
		}
	}
}

func location(t *testing.T, res *flagontest.Response, want string) {
	t.Helper()
	if got := res.Location(); got != want {
		t.Errorf("Location %q, want %q (status %d)", got, want, res.StatusCode)
	}
}

func TestFlaskr(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		t.Run("test_hello", func(t *testing.T) {
			contains(t, newFixture(t, d.URL).cl.Get("/hello"), "Hello, World!")
		})
		t.Run("test_register", func(t *testing.T) {
			f := newFixture(t, d.URL)
			if code := f.cl.Get("/auth/register").StatusCode; code != 200 {
				t.Fatalf("GET /auth/register: %d", code)
			}
			location(t, f.post("/auth/register", map[string]string{"username": "a", "password": "a"}), "/auth/login")
			s := f.db.Engine().Session()
			defer s.Close(context.Background())
			if _, err := orm.Select[User](s).FilterBy("Username", "a").First(context.Background()); err != nil {
				t.Fatalf("user a not inserted: %v", err)
			}
		})
		t.Run("test_register_validate_input", func(t *testing.T) {
			for _, tc := range []struct{ username, password, message string }{
				{"", "", "Username is required."},
				{"a", "", "Password is required."},
				{"test", "test", "already registered"},
			} {
				f := newFixture(t, d.URL)
				contains(t, f.post("/auth/register", map[string]string{"username": tc.username, "password": tc.password}), tc.message)
			}
		})
		t.Run("test_login", func(t *testing.T) {
			f := newFixture(t, d.URL)
			if code := f.cl.Get("/auth/login").StatusCode; code != 200 {
				t.Fatalf("GET /auth/login: %d", code)
			}
			location(t, f.login("test", "test"), "/")
			_ = f.cl.SessionTransaction(func(s *session.Session) error {
				if id, _ := s.GetInt("user_id"); id != 1 {
					t.Errorf("session user_id %d, want 1", id)
				}
				return nil
			})
			contains(t, f.cl.Get("/"), "test", "Log Out")
		})
		t.Run("test_login_validate_input", func(t *testing.T) {
			for _, tc := range []struct{ username, password, message string }{
				{"a", "test", "Incorrect username."},
				{"test", "a", "Incorrect password."},
			} {
				contains(t, newFixture(t, d.URL).login(tc.username, tc.password), tc.message)
			}
		})
		t.Run("test_logout", func(t *testing.T) {
			f := newFixture(t, d.URL)
			f.login("test", "test")
			location(t, f.cl.Get("/auth/logout"), "/")
			_ = f.cl.SessionTransaction(func(s *session.Session) error {
				if _, ok := s.Get("user_id"); ok {
					t.Error("user_id still in the session")
				}
				return nil
			})
		})
		t.Run("test_index", func(t *testing.T) {
			f := newFixture(t, d.URL)
			contains(t, f.cl.Get("/"), "Log In", "Register")
			f.login("test", "test")
			contains(t, f.cl.Get("/"), "test title", "by test on 2018-01-01", "test\nbody", `href="/1/update"`)
		})
		t.Run("test_login_required", func(t *testing.T) {
			f := newFixture(t, d.URL)
			for _, path := range []string{"/create", "/1/update", "/1/delete"} {
				location(t, f.cl.Post(path), "/auth/login")
			}
		})
		t.Run("test_author_required", func(t *testing.T) {
			f := newFixture(t, d.URL)
			s := f.db.Engine().Session()
			p, err := orm.Get[Post](context.Background(), s, 1)
			if err != nil {
				t.Fatal(err)
			}
			p.AuthorID = 2
			if err := s.Commit(context.Background()); err != nil {
				t.Fatal(err)
			}
			s.Close(context.Background())
			f.login("test", "test")
			for _, path := range []string{"/1/update", "/1/delete"} {
				if code := f.cl.Post(path).StatusCode; code != 403 {
					t.Errorf("POST %s: %d, want 403", path, code)
				}
			}
			if strings.Contains(f.cl.Get("/").Text(), `href="/1/update"`) {
				t.Error("the edit link is shown to another user")
			}
		})
		t.Run("test_exists_required", func(t *testing.T) {
			f := newFixture(t, d.URL)
			f.login("test", "test")
			for _, path := range []string{"/2/update", "/2/delete"} {
				if code := f.cl.Post(path).StatusCode; code != 404 {
					t.Errorf("POST %s: %d, want 404", path, code)
				}
			}
		})
		t.Run("test_create", func(t *testing.T) {
			f := newFixture(t, d.URL)
			f.login("test", "test")
			if code := f.cl.Get("/create").StatusCode; code != 200 {
				t.Fatalf("GET /create: %d", code)
			}
			location(t, f.post("/create", map[string]string{"title": "created", "body": ""}), "/")
			if n := f.countPosts(); n != 2 {
				t.Errorf("%d posts, want 2", n)
			}
		})
		t.Run("test_update", func(t *testing.T) {
			f := newFixture(t, d.URL)
			f.login("test", "test")
			if code := f.cl.Get("/1/update").StatusCode; code != 200 {
				t.Fatalf("GET /1/update: %d", code)
			}
			f.post("/1/update", map[string]string{"title": "updated", "body": ""})
			if p := f.postRow(1); p == nil || p.Title != "updated" {
				t.Errorf("post 1 is %+v, want title updated", p)
			}
		})
		t.Run("test_create_update_validate", func(t *testing.T) {
			f := newFixture(t, d.URL)
			f.login("test", "test")
			for _, path := range []string{"/create", "/1/update"} {
				contains(t, f.post(path, map[string]string{"title": "", "body": ""}), "Title is required.")
			}
		})
		t.Run("test_delete", func(t *testing.T) {
			f := newFixture(t, d.URL)
			f.login("test", "test")
			location(t, f.cl.Post("/1/delete"), "/")
			if p := f.postRow(1); p != nil {
				t.Errorf("post 1 still exists: %+v", p)
			}
		})
	})
}
