package dbtest

import (
	"database/sql"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestRandomNameIsUniqueAndWellFormed(t *testing.T) {
	re := regexp.MustCompile(`^flagon_[0-9a-f]{16}$`)
	seen := map[string]bool{}
	for range 100 {
		n := RandomName()
		if !re.MatchString(n) {
			t.Fatalf("RandomName() = %q, want flagon_<16 hex>", n)
		}
		if seen[n] {
			t.Fatalf("RandomName() repeated %q", n)
		}
		seen[n] = true
	}
}

func TestDatabasesIncludesSQLiteFirst(t *testing.T) {
	dbs := Databases(t)
	if len(dbs) == 0 || dbs[0].Name != "sqlite" {
		t.Fatalf("Databases()[0] = %+v, want sqlite", dbs)
	}
	if !strings.HasPrefix(dbs[0].URL, "sqlite:///") {
		t.Errorf("sqlite URL = %q, want sqlite:///<path>", dbs[0].URL)
	}
	for _, db := range dbs[1:] {
		u, err := url.Parse(db.URL)
		if err != nil || !strings.HasPrefix(u.Path, "/flagon_") {
			t.Errorf("%s URL = %q, want a fresh flagon_ database", db.Name, db.URL)
		}
	}
}

func TestServerDatabasesAreUsableAndIsolated(t *testing.T) {
	ForEach(t, func(t *testing.T, db DB) {
		if db.Name == "sqlite" {
			return
		}
		u, _ := url.Parse(db.URL)
		driver, dsn := "pgx", pgDSN(u)
		if db.Name == "mysql" {
			driver, dsn = "mysql", mysqlDSN(u)
		}
		conn, err := sql.Open(driver, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if _, err := conn.Exec("CREATE TABLE fixed_name (id INTEGER)"); err != nil {
			t.Fatalf("create table in fresh database: %v", err)
		}
	})
}

func TestMySQLDSN(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"default port", "mysql://root@127.0.0.1/test", "root@tcp(127.0.0.1:3306)/test"},
		{"password and port", "mysql+pymysql://u:p%40ss@db:3307/x", "u:p@ss@tcp(db:3307)/x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, _ := url.Parse(tt.in)
			if got := mysqlDSN(u); got != tt.want {
				t.Errorf("mysqlDSN(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPostgresDSNNormalisesScheme(t *testing.T) {
	u, _ := url.Parse("postgresql+psycopg2://postgres@127.0.0.1:5432/test?sslmode=disable")
	if got, want := pgDSN(u), "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"; got != want {
		t.Errorf("pgDSN = %q, want %q", got, want)
	}
}

// fatalRecorder captures Fatalf instead of stopping the test.
type fatalRecorder struct {
	testing.TB
	msg string
}

type fatalStop struct{}

func (f *fatalRecorder) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	panic(fatalStop{})
}

func (f *fatalRecorder) Helper() {}

func TestUnreachableServerFails(t *testing.T) {
	tests := []struct {
		name string
		open func(testing.TB, string) DB
		url  string
	}{
		{"postgres", Postgres, "postgresql://u@127.0.0.1:1/x"},
		{"mysql", MySQL, "mysql://u@127.0.0.1:1/x"},
		{"not a url", Postgres, "nonsense"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &fatalRecorder{TB: t}
			func() {
				defer func() {
					if r := recover(); r != nil {
						if _, ok := r.(fatalStop); !ok {
							panic(r)
						}
					}
				}()
				tt.open(rec, tt.url)
			}()
			if rec.msg == "" {
				t.Fatal("an unreachable server must fail the test, not skip it")
			}
		})
	}
}
