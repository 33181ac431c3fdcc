package main

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/examples/inventory/migrations/versions"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/orm"
	"github.com/flagon-go/flagon/session"
)

// testApp builds the example on dbURL, upgraded to the newest migration,
// as the server does at start-up.
func testApp(t *testing.T, dbURL string) *flagon.App {
	t.Helper()
	t.Setenv("SECRET_KEY", "s3cr3t-1")
	t.Setenv("DATABASE_URL", dbURL)
	t.Setenv("FLAGON_DEBUG", "0")
	return upgradedApp(t, dbURL)
}

// upgradedApp upgrades dbURL to the newest migration, as the server does
// at start-up, and builds the example from the environment.
func upgradedApp(t *testing.T, dbURL string) *flagon.App {
	t.Helper()
	eng, err := orm.Open(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	if err := migrate.UpgradeOnStart(context.Background(), eng, versions.All(), migrate.StartOptions{}); err != nil {
		t.Fatal(err)
	}
	app, err := newApp()
	if err != nil {
		t.Fatal(err)
	}
	return app
}

var csrfInput = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

// formToken reads the CSRF token from a page's form.
func formToken(t *testing.T, cl *flagontest.Client, path string) string {
	t.Helper()
	m := csrfInput.FindStringSubmatch(cl.Get(path).Text())
	if m == nil {
		t.Fatalf("no csrf_token in %s", path)
	}
	return m[1]
}

func TestInventoryPages(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		cl := flagontest.NewClient(t, testApp(t, d.URL))
		if got := cl.Get("/").Text(); !strings.Contains(got, "No products yet") {
			t.Fatalf("empty list: %s", got)
		}
		tok := formToken(t, cl, "/products/new")
		res := cl.Post("/products/new", flagontest.Form(url.Values{"csrf_token": {tok}, "name": {"Chair"}, "price": {"25"}}), flagontest.FollowRedirects())
		if res.StatusCode != 200 || !strings.Contains(res.Text(), "Product “Chair” created.") || !strings.Contains(res.Text(), "$25") {
			t.Fatalf("create: %d %s", res.StatusCode, res.Text())
		}
		res = cl.Post("/products/new", flagontest.Form(url.Values{"csrf_token": {tok}, "name": {""}, "price": {"cheap"}}))
		if res.StatusCode != 422 || !strings.Contains(res.Text(), "A name is required.") || !strings.Contains(res.Text(), "The price must be a whole number.") {
			t.Fatalf("validation: %d %s", res.StatusCode, res.Text())
		}
		res = cl.Post("/products/1/edit", flagontest.Form(url.Values{"csrf_token": {tok}, "name": {"Armchair"}, "price": {""}}), flagontest.FollowRedirects())
		if !strings.Contains(res.Text(), "<h1>Armchair</h1>") || !strings.Contains(res.Text(), "no price") {
			t.Fatalf("edit: %d %s", res.StatusCode, res.Text())
		}
		if res := cl.Get("/products/1/delete"); res.StatusCode != 405 {
			t.Fatalf("GET delete: %d", res.StatusCode)
		}
		res = cl.Post("/products/1/delete", flagontest.Form(url.Values{"csrf_token": {tok}}), flagontest.FollowRedirects())
		if !strings.Contains(res.Text(), "Product “Armchair” deleted.") || !strings.Contains(res.Text(), "No products yet") {
			t.Fatalf("delete: %s", res.Text())
		}
		if res := cl.Get("/products/1"); res.StatusCode != 404 || !strings.Contains(res.Text(), "There is no product with that number.") {
			t.Fatalf("404: %d %s", res.StatusCode, res.Text())
		}
		if res := cl.Post("/products/new", flagontest.Form(url.Values{"name": {"No token"}})); res.StatusCode != 400 || !strings.Contains(res.Text(), "The CSRF token is missing.") {
			t.Fatalf("without CSRF: %d %s", res.StatusCode, res.Text())
		}
	})
}

func TestInventoryPagination(t *testing.T) {
	app := testApp(t, dbtest.SQLite(t).URL)
	eng, _ := orm.Open(os.Getenv("DATABASE_URL"))
	defer eng.Close()
	for i := range 25 {
		orm.Insert(context.Background(), eng, &Product{Name: "p" + string(rune('a'+i))})
	}
	cl := flagontest.NewClient(t, app)
	res := cl.Get("/?page=2")
	if !strings.Contains(res.Text(), "Products 11–20 of 25") || !strings.Contains(res.Text(), "<strong>2</strong>") {
		t.Fatalf("page 2: %s", res.Text())
	}
	for _, bad := range []string{"/?page=0", "/?page=9", "/?page=x"} {
		if res := cl.Get(bad); res.StatusCode != 404 {
			t.Errorf("%s: %d", bad, res.StatusCode)
		}
	}
}

func TestInventoryAPI(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		cl := flagontest.NewClient(t, testApp(t, d.URL))
		tests := []struct {
			name string
			body flagontest.Option
			code int
			want string
		}{
			{"create", flagontest.JSON(map[string]any{"name": "Lamp", "price": 12}), 201, `"name":"Lamp","price":12`},
			{"create without price", flagontest.JSON(map[string]any{"name": "Table"}), 201, `"price":null`},
			{"invalid fields", flagontest.JSON(map[string]any{"name": "", "price": -1}), 422, `"price":"The price cannot be negative."`},
			{"malformed JSON", flagontest.Raw("application/json", []byte(`{"name":`)), 400, `"error":"Failed to decode JSON object`},
			{"not JSON", flagontest.Raw("text/plain", []byte(`x`)), 415, `"code":415`},
		}
		for _, tt := range tests {
			res := cl.Post("/api/products", tt.body)
			if res.StatusCode != tt.code || !strings.Contains(res.Text(), tt.want) {
				t.Errorf("%s: %d %s", tt.name, res.StatusCode, res.Text())
			}
		}
		var page struct {
			Items []Product
			Total int
			Pages int
		}
		res := cl.Get("/api/products?per_page=1")
		if err := json.Unmarshal(res.Body, &page); err != nil || page.Total != 2 || page.Pages != 2 || page.Items[0].Name != "Lamp" {
			t.Fatalf("list: %s %v", res.Text(), err)
		}
		if res := cl.Get("/api/products?page=5"); res.StatusCode != 404 || !strings.Contains(res.Text(), `"code":404`) {
			t.Fatalf("API 404 should be JSON: %s", res.Text())
		}
	})
}

// TestFlaskFlashedMessagesShow proves the Flask interop: a session cookie
// written by Flask with the same SECRET_KEY, carrying two flashed
// messages, makes the list page show them.
func TestFlaskFlashedMessagesShow(t *testing.T) {
	var fixture struct {
		GeneratedAt int64 `json:"generated_at_unix"`
		Sessions    []struct {
			Cookie  string `json:"cookie"`
			Payload string `json:"payload_repr"`
		} `json:"sessions"`
	}
	b, err := os.ReadFile("../../internal/fixtures/flask-interop-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &fixture); err != nil {
		t.Fatal(err)
	}
	var cookie string
	for _, s := range fixture.Sessions {
		if strings.Contains(s.Payload, "_flashes") {
			cookie = s.Cookie
		}
	}
	app := testApp(t, dbtest.SQLite(t).URL)
	opts := session.DefaultOptions([]byte("s3cr3t-1"))
	opts.Clock = func() time.Time { return time.Unix(fixture.GeneratedAt, 0) }
	app.SessionInterface = session.NewCookieInterface(opts)
	res := flagontest.NewClient(t, app).Get("/", flagontest.Header("Cookie", "session="+cookie))
	for _, want := range []string{`<p class="flash message" role="status">Product created</p>`, `<p class="flash error" role="status">Name is required</p>`} {
		if !strings.Contains(res.Text(), want) {
			t.Errorf("list page lacks %s:\n%s", want, res.Text())
		}
	}
}

func TestSecretKeyRequiredOutsideDebug(t *testing.T) {
	t.Setenv("SECRET_KEY", "")
	t.Setenv("FLAGON_DEBUG", "0")
	t.Setenv("DATABASE_URL", dbtest.SQLite(t).URL)
	if _, err := newApp(); err == nil || !strings.Contains(err.Error(), "SECRET_KEY is not set") {
		t.Fatalf("err = %v", err)
	}
}
