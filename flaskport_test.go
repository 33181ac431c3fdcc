package flagon_test

import (
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// test_jsonify_uuid_types (Flask): a <uuid:> value encodes to JSON as its
// string.
func TestJSONifyUUIDTypes(t *testing.T) {
	app := flagon.New()
	app.Get("/uuid_test/<uuid:x>", func(c *flagon.Ctx) error {
		v, err := c.ParamValue("x")
		if err != nil {
			return err
		}
		return c.JSON(map[string]any{"x": v})
	})
	res := flagontest.NewClient(t, app).Get("/uuid_test/deadbeef-dead-beef-dead-beefdeadbeef")
	var got struct{ X string }
	if err := res.JSON(&got); err != nil || got.X != "deadbeef-dead-beef-dead-beefdeadbeef" {
		t.Fatalf("body %q: %+v %v", res.Text(), got, err)
	}
}

// test_explicit_head (Flask, test_views.py) with two routes: a HEAD route
// beside a GET route answers HEAD requests.
func TestExplicitHeadRoute(t *testing.T) {
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("Blub") }, flagon.Endpoint("index"))
	app.Route("/", func(c *flagon.Ctx) error {
		c.Header().Set("X-Method", "HEAD")
		return c.Text("")
	}, flagon.Methods("HEAD"), flagon.Endpoint("index_head"))
	cl := flagontest.NewClient(t, app)
	if res := cl.Get("/"); res.Text() != "Blub" {
		t.Fatalf("GET = %q", res.Text())
	}
	if res := cl.Head("/"); res.Header.Get("X-Method") != "HEAD" {
		t.Fatalf("HEAD went to the GET route: %v", res.Header)
	}
}

// GET,OPTIONS beside POST,OPTIONS on one path is not a conflict (Werkzeug
// and Flask accept it); the first rule answers OPTIONS.
func TestMethodsWithOptionsOnOnePath(t *testing.T) {
	app := flagon.New()
	app.Route("/x", func(c *flagon.Ctx) error { return c.Text("get " + c.Request.Method) },
		flagon.Methods("GET", "OPTIONS"), flagon.Endpoint("x_get"))
	app.Route("/x", func(c *flagon.Ctx) error { return c.Text("post") },
		flagon.Methods("POST", "OPTIONS"), flagon.Endpoint("x_post"))
	cl := flagontest.NewClient(t, app)
	for method, want := range map[string]string{"GET": "get GET", "POST": "post", "OPTIONS": "get OPTIONS"} {
		if got := cl.Do(method, "/x").Text(); got != want {
			t.Errorf("%s /x = %q, want %q", method, got, want)
		}
	}
}
