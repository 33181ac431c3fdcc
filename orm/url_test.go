package orm_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon/orm"
)

func TestParseURL(t *testing.T) {
	tests := []struct {
		name, in            string
		dialect, driver, db string
		user, pw, host      string
		port                int
		memory              bool
		str                 string
	}{
		{"sqlite relative", "sqlite:///app.db", "sqlite", "", "app.db", "", "", "", 0, false, "sqlite:///app.db"},
		{"sqlite absolute", "sqlite:////var/data/app.db", "sqlite", "", "/var/data/app.db", "", "", "", 0, false, "sqlite:////var/data/app.db"},
		{"sqlite memory", "sqlite:///:memory:", "sqlite", "", ":memory:", "", "", "", 0, true, "sqlite:///:memory:"},
		{"sqlite bare", "sqlite://", "sqlite", "", "", "", "", "", 0, true, "sqlite://"},
		{"sqlite driver", "sqlite+pysqlite:///x.db", "sqlite", "pysqlite", "x.db", "", "", "", 0, false, "sqlite+pysqlite:///x.db"},
		{"postgresql", "postgresql://scott:tiger@localhost:5432/mydb?sslmode=disable", "postgresql", "", "mydb", "scott", "tiger", "localhost", 5432, false,
			"postgresql://scott:***@localhost:5432/mydb?sslmode=disable"},
		{"postgres alias", "postgres://u@h/d", "postgresql", "", "d", "u", "", "h", 0, false, "postgresql://u@h/d"},
		{"psycopg2", "postgresql+psycopg2://u:p@h/d", "postgresql", "psycopg2", "d", "u", "p", "h", 0, false, "postgresql+psycopg2://u:***@h/d"},
		{"asyncpg", "postgresql+asyncpg://u@h:6543/d", "postgresql", "asyncpg", "d", "u", "", "h", 6543, false, "postgresql+asyncpg://u@h:6543/d"},
		{"mysql", "mysql://root@127.0.0.1/test", "mysql", "", "test", "root", "", "127.0.0.1", 0, false, "mysql://root@127.0.0.1/test"},
		{"pymysql escaped password", "mysql+pymysql://u:p%40ss%2Fw@db:3307/x", "mysql", "pymysql", "x", "u", "p@ss/w", "db", 3307, false, "mysql+pymysql://u:***@db:3307/x"},
		{"mysqldb", "mysql+mysqldb://u@h/d", "mysql", "mysqldb", "d", "u", "", "h", 0, false, "mysql+mysqldb://u@h/d"},
		{"mariadb", "mariadb://u@h/d", "mysql", "", "d", "u", "", "h", 0, false, "mysql://u@h/d"},
		{"ipv6", "postgresql://u@[::1]:5432/d", "postgresql", "", "d", "u", "", "::1", 5432, false, "postgresql://u@[::1]:5432/d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := orm.ParseURL(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			got := []any{u.Dialect, u.Driver, u.Database, u.Username, u.Password, u.Host, u.Port, u.IsMemory()}
			want := []any{tt.dialect, tt.driver, tt.db, tt.user, tt.pw, tt.host, tt.port, tt.memory}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("field %d = %v, want %v (all: %v)", i, got[i], want[i], got)
				}
			}
			if u.String() != tt.str || u.Redacted() != tt.str {
				t.Errorf("String() = %q, want %q", u.String(), tt.str)
			}
			if tt.pw != "" && !strings.Contains(u.RenderWithPassword(), ":") {
				t.Errorf("RenderWithPassword lost the password: %q", u.RenderWithPassword())
			}
		})
	}
}

func TestParseURLErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no scheme", "app.db", "want dialect[+driver]://"},
		{"unknown dialect", "oracle://u:secret@h/d", `unknown dialect "oracle"`},
		{"unknown driver", "postgresql+nope://u@h/d", `unknown driver "nope"`},
		{"bad port", "mysql://u:secret@h:99999/d", `port "99999"`},
		{"sqlite host", "sqlite://host/app.db", "sqlite URLs have no host"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := orm.ParseURL(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("error leaks the password: %v", err)
			}
		})
	}
}

func TestURLRoundTripsThroughParse(t *testing.T) {
	for _, in := range []string{"postgresql+psycopg2://u:p%40w@h:1/d?sslmode=require", "mysql://root@h/test", "sqlite:////tmp/x.db"} {
		u, _ := orm.ParseURL(in)
		again, err := orm.ParseURL(u.RenderWithPassword())
		if err != nil || again.Redacted() != u.Redacted() || again.Password != u.Password {
			t.Errorf("%s: reparse gave %v, %v", in, again, err)
		}
	}
}

func FuzzParseURL(f *testing.F) {
	for _, s := range []string{"sqlite:///a.db", "sqlite://", "postgresql://u:p@h:5432/d?x=1", "mysql+pymysql://u@h/d", "x://", "://", "postgresql://[::1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := orm.ParseURL(s)
		if err != nil {
			if u != nil {
				t.Fatal("non-nil URL with error")
			}
			return
		}
		if u.Password != "" && len(u.Password) > 3 && strings.Contains(u.String(), ":"+u.Password+"@") {
			t.Fatalf("String() shows the password: %q", u.String())
		}
		_ = u.RenderWithPassword()
	})
}
