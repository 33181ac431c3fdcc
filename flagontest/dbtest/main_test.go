package dbtest

import (
	"database/sql"
	"net/url"
	"strings"
	"testing"
)

// connect opens db with the driver database/sql knows it by.
func connect(t *testing.T, db DB) *sql.DB {
	t.Helper()
	u, _ := url.Parse(db.URL)
	driver, dsn := "pgx", pgDSN(u)
	if db.Name == "mysql" {
		driver, dsn = "mysql", mysqlDSN(u)
	}
	conn, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	return conn
}

func TestMainSharesDatabasesAndDropsThem(t *testing.T) {
	var seen []DB
	code := runMain(func() int {
		seen = Shared(t)
		if again := Shared(t); len(again) != len(seen) || again[0] != seen[0] {
			t.Errorf("Shared changed between calls: %v then %v", seen, again)
		}
		for _, db := range seen[1:] {
			conn := connect(t, db)
			_, err := conn.Exec("CREATE TABLE shared_table (id INTEGER)")
			conn.Close()
			if err != nil {
				t.Errorf("%s: %v", db.Name, err)
			}
		}
		return 3
	})
	if code != 3 {
		t.Errorf("runMain = %d, want the tests' status 3", code)
	}
	if len(seen) == 0 || seen[0].Name != "sqlite" || !strings.HasPrefix(seen[0].URL, "sqlite:///") {
		t.Fatalf("Shared = %v, want SQLite first", seen)
	}
	for _, db := range seen[1:] {
		conn := connect(t, db)
		err := conn.Ping()
		conn.Close()
		if err == nil {
			t.Errorf("%s database %s still exists after Main", db.Name, db.URL)
		}
	}
}

func TestSharedWithoutMainFails(t *testing.T) {
	rec := &fatalRecorder{TB: t}
	func() {
		defer func() {
			if r := recover(); r != nil {
				if _, ok := r.(fatalStop); !ok {
					panic(r)
				}
			}
		}()
		Shared(rec)
	}()
	if !strings.Contains(rec.msg, "dbtest.Main") {
		t.Errorf("Shared without Main: %q, want a message naming dbtest.Main", rec.msg)
	}
}
