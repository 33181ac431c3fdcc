package database_test

import (
	"context"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

type Product struct {
	ID    int
	Name  string `orm:"size:100"`
	Price *int
}

type Account struct {
	ID   int
	Name string `orm:"size:50"`
}

func newApp(t *testing.T, config map[string]any) *flagon.App {
	t.Helper()
	return flagon.New(flagon.WithRootPath(t.TempDir()), flagon.WithConfig(config),
		flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
}

// setup opens the extension on dbURL with n products.
func setup(t *testing.T, dbURL string, n int, config map[string]any) (*flagon.App, *database.DB) {
	t.Helper()
	cfg := map[string]any{"DATABASE_URL": dbURL, "SQLALCHEMY_RECORD_QUERIES": true}
	for k, v := range config {
		cfg[k] = v
	}
	app := newApp(t, cfg)
	db, err := database.New(app)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Register(Product{}); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := db.CreateAll(ctx); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		p := &Product{Name: "product " + string(rune('A'+i-1))}
		if err := orm.Insert(ctx, db.Engine(), p); err != nil {
			t.Fatal(err)
		}
	}
	return app, db
}

func TestOr404Helpers(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app, db := setup(t, d.URL, 3, nil)
		app.Get("/get/<int:id>", func(c *flagon.Ctx) error {
			id, _ := c.ParamInt("id")
			p, err := database.GetOr404[Product](c.Context(), db.Engine(), id, "No product with that id.")
			if err != nil {
				return err
			}
			return c.Text(p.Name)
		})
		app.Get("/first/<name>", func(c *flagon.Ctx) error {
			p, err := database.FirstOr404(c.Context(), orm.Select[Product](db.Engine()).FilterBy("Name", c.Param("name")))
			if err != nil {
				return err
			}
			return c.Text(p.Name)
		})
		app.Get("/one/<int:min>", func(c *flagon.Ctx) error {
			min, _ := c.ParamInt("min")
			p, err := database.OneOr404(c.Context(), orm.Select[Product](db.Engine()).Where(orm.C("id").Gt(min)))
			if err != nil {
				return err
			}
			return c.Text(p.Name)
		})
		tests := []struct {
			path string
			code int
			body string
		}{
			{"/get/2", 200, "product B"},
			{"/get/99", 404, "No product with that id."},
			{"/first/product%20C", 200, "product C"},
			{"/first/nope", 404, "not found"},
			{"/one/2", 200, "product C"},
			{"/one/1", 404, "not found"},
			{"/one/5", 404, "not found"},
		}
		cl := flagontest.NewClient(t, app)
		for _, tt := range tests {
			res := cl.Get(tt.path)
			if res.StatusCode != tt.code || !strings.Contains(res.Text(), tt.body) {
				t.Errorf("%s: got %d %q", tt.path, res.StatusCode, res.Text())
			}
		}
	})
}

func TestPaginate(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app, db := setup(t, d.URL, 25, nil)
		app.Get("/", func(c *flagon.Ctx) error {
			p, err := database.Paginate(c, orm.Select[Product](db.Engine()).OrderBy("ID"), database.PageOptions{DefaultPerPage: 10, MaxPerPage: 20})
			if err != nil {
				return err
			}
			var names []string
			for _, it := range p.Items {
				names = append(names, strings.TrimPrefix(it.Name, "product "))
			}
			return c.Textf("page %d/%d per %d total %d first %d last %d items %s", p.Page, p.Pages(), p.PerPage, p.Total, p.First(), p.Last(), strings.Join(names, ""))
		})
		tests := []struct {
			query string
			code  int
			body  string
		}{
			{"", 200, "page 1/3 per 10 total 25 first 1 last 10 items ABCDEFGHIJ"},
			{"page=3", 200, "page 3/3 per 10 total 25 first 21 last 25 items UVWXY"},
			{"page=2&per_page=20", 200, "page 2/2 per 20 total 25 first 21 last 25 items UVWXY"},
			{"per_page=500", 200, "page 1/2 per 20 total 25"},
			{"page=4", 404, ""},
			{"page=0", 404, ""},
			{"page=abc", 404, ""},
			{"per_page=-1", 404, ""},
			{"page=9223372036854775807", 404, ""},             // the offset overflows
			{"page=1152921504606846977&per_page=16", 404, ""}, // the offset wraps to 0
		}
		cl := flagontest.NewClient(t, app)
		for _, tt := range tests {
			q, _ := url.ParseQuery(tt.query)
			res := cl.Get("/", flagontest.Query(q))
			if res.StatusCode != tt.code || !strings.Contains(res.Text(), tt.body) {
				t.Errorf("?%s: got %d %q", tt.query, res.StatusCode, res.Text())
			}
		}
	})
}

func TestRecordedQueries(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app, db := setup(t, d.URL, 2, nil)
		var recorded []database.Query
		app.Get("/", func(c *flagon.Ctx) error {
			if _, err := orm.Select[Product](db.Engine()).All(c.Context()); err != nil {
				return err
			}
			if _, err := orm.Select[Product](db.Engine()).Count(c.Context()); err != nil {
				return err
			}
			recorded = database.RecordedQueries(c)
			return c.Text("ok")
		})
		cl := flagontest.NewClient(t, app)
		cl.Get("/")
		if len(recorded) != 2 {
			t.Fatalf("recorded %d queries, want 2: %+v", len(recorded), recorded)
		}
		if !strings.Contains(recorded[0].SQL, "FROM") || !strings.Contains(recorded[0].Caller, "database_test.go:") {
			t.Errorf("query %+v", recorded[0])
		}
		cl.Get("/")
		if len(recorded) != 2 {
			t.Errorf("queries leaked between requests: %d", len(recorded))
		}
	})
}

func TestRecordingOff(t *testing.T) {
	app, db := setup(t, dbtest.SQLite(t).URL, 1, map[string]any{"SQLALCHEMY_RECORD_QUERIES": false})
	var recorded []database.Query
	app.Get("/", func(c *flagon.Ctx) error {
		_, err := orm.Select[Product](db.Engine()).All(c.Context())
		recorded = database.RecordedQueries(c)
		return err
	})
	flagontest.NewClient(t, app).Get("/")
	if recorded != nil {
		t.Fatalf("recorded %v with recording off", recorded)
	}
}

func TestBinds(t *testing.T) {
	dbs := dbtest.Databases(t)
	main, users := dbs[0], dbtest.SQLite(t)
	if len(dbs) > 1 {
		users = dbs[1]
	}
	app := newApp(t, map[string]any{
		"DATABASE_URL":              main.URL,
		"SQLALCHEMY_BINDS":          map[string]any{"users": map[string]any{"url": users.URL, "pool_size": 2}},
		"SQLALCHEMY_ENGINE_OPTIONS": map[string]any{"pool_pre_ping": true},
	})
	db, err := database.New(app)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Register(Product{}); err != nil {
		t.Fatal(err)
	}
	if err := db.RegisterBind("users", Account{}); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := db.CreateAll(ctx); err != nil {
		t.Fatal(err)
	}
	if err := orm.Insert(ctx, db.Engine("users"), &Account{Name: "ada"}); err != nil {
		t.Fatal(err)
	}
	if _, err := orm.Select[Account](db.Engine()).Count(ctx); err == nil {
		t.Error("account table should not exist in the default database")
	}
	if n, err := orm.Select[Account](db.Engine("users")).Count(ctx); err != nil || n != 1 {
		t.Errorf("users bind: %d, %v", n, err)
	}
	if err := db.RegisterBind("nope", Account{}); err == nil {
		t.Error("unknown bind accepted")
	}
	if got := strings.Join(db.Binds(), ","); got != ",users" {
		t.Errorf("binds %q", got)
	}
}

func TestDefaultSQLiteInInstanceFolder(t *testing.T) {
	app := newApp(t, nil)
	db, err := database.New(app)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Register(Product{}); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(app.InstancePath, "app.db")); err != nil {
		t.Fatalf("no database in the instance folder: %v", err)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name   string
		config map[string]any
		want   string
	}{
		{"unknown dialect", map[string]any{"DATABASE_URL": "oracle://x/y"}, "oracle"},
		{"password hidden", map[string]any{"DATABASE_URL": "postgresql://u:hunter2@127.0.0.1:1/db?connect_timeout=1", "SQLALCHEMY_ENGINE_OPTIONS": map[string]any{"bogus": 1}}, "bogus"},
		{"bad bind", map[string]any{"SQLALCHEMY_BINDS": map[string]any{"x": 5}}, `SQLALCHEMY_BINDS["x"]`},
		{"bind without url", map[string]any{"SQLALCHEMY_BINDS": map[string]any{"x": map[string]any{"pool_size": 1}}}, `no "url"`},
		{"bad option type", map[string]any{"SQLALCHEMY_ENGINE_OPTIONS": map[string]any{"pool_size": "ten"}}, "must be a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := database.New(newApp(t, tt.config))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Fatalf("password leaked: %v", err)
			}
		})
	}
}
