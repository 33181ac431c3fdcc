package config

import (
	"reflect"
	"testing"
)

func TestMasked(t *testing.T) {
	tests := []struct {
		name  string
		key   string
		value any
		want  any
	}{
		{"secret key", "SECRET_KEY", "dev", Mask},
		{"secret fallbacks list", "SECRET_KEY_FALLBACKS", []any{"a", "b"}, Mask},
		{"password", "DB_PASSWORD", "pw", Mask},
		{"token", "GITHUB_TOKEN", "t", Mask},
		{"camel case api key", "apiKey", "k", Mask},
		{"secret int", "PASSCODE_KEY", 1234, Mask},
		{"unset secret stays nil", "SECRET_KEY", nil, nil},
		{"plain", "DEBUG", true, true},
		{"key inside a word", "MONKEY", "banana", "banana"},
		{"keywords", "KEYWORDS", "a,b", "a,b"},
		{"url with password", "SQLALCHEMY_DATABASE_URI", "postgresql://scott:tiger@localhost:5432/test",
			"postgresql://scott:***@localhost:5432/test"},
		{"url with driver", "DATABASE_URL", "mysql+pymysql://root:p%40ss@127.0.0.1/test",
			"mysql+pymysql://root:***@127.0.0.1/test"},
		{"url password with slash", "DATABASE_URL", "postgresql://u:a/b@h/db", "postgresql://u:***@h/db"},
		{"url without password", "DATABASE_URL", "postgresql://postgres@127.0.0.1/test",
			"postgresql://postgres@127.0.0.1/test"},
		{"url with port only", "SERVER", "http://localhost:5000/path", "http://localhost:5000/path"},
		{"mysql dsn", "MYSQL_DSN", "root:secret@tcp(127.0.0.1:3306)/test?parseTime=true",
			"root:***@tcp(127.0.0.1:3306)/test?parseTime=true"},
		{"mysql dsn with @ in password", "DSN", "u:p@ss@tcp(h)/db", "u:***@tcp(h)/db"},
		{"mysql dsn without password", "DSN", "root@tcp(h)/db", "root@tcp(h)/db"},
		{"keyword dsn", "PG_CONN", "host=h user=u password=secret dbname=d", "host=h user=u password=*** dbname=d"},
		{"keyword dsn quoted", "PG_CONN", "password = 'a b' host=h", "password = *** host=h"},
		{"email is not a dsn", "ADMIN", "mailto:me@example.com", "mailto:me@example.com"},
		{"sqlite path", "SQLALCHEMY_DATABASE_URI", "sqlite:///app.db", "sqlite:///app.db"},
		{"debugger pin", "DEBUG_PIN", "123-456-789", Mask},
		{"pin as json number", "DEBUG_PIN", 123456789, Mask},
		{"camel case pin", "adminPin", "1234", Mask},
		{"pinned is not a pin", "PINNED_VERSION", "1.2", "1.2"},
		{"passphrase", "GPG_PASSPHRASE", "x", Mask},
		{"private key", "JWT_PRIVATEKEY", "k", Mask},
		{"credential", "AWS_CREDENTIAL", "c", Mask},
		{"nested pin", "DEBUG", map[string]any{"PIN": "1", "SECRET": "2", "ON": true},
			map[string]any{"PIN": Mask, "SECRET": Mask, "ON": true}},
		{"nested map", "DB", map[string]any{"URL": "postgresql://u:p@h/d", "PASSWORD": "x", "ECHO": true},
			map[string]any{"URL": "postgresql://u:***@h/d", "PASSWORD": Mask, "ECHO": true}},
		{"string map", "BINDS", map[string]string{"users": "mysql://u:p@h/d", "token": "t"},
			map[string]string{"users": "mysql://u:***@h/d", "token": Mask}},
		{"list of urls", "BINDS", []any{"postgresql://u:p@h/d", 3}, []any{"postgresql://u:***@h/d", 3}},
		{"string list", "HOSTS", []string{"a", "u:p@tcp(h)/d"}, []string{"a", "u:***@tcp(h)/d"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Masked(tc.key, tc.value); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Masked(%q, %#v) = %#v, want %#v", tc.key, tc.value, got, tc.want)
			}
		})
	}
}

func TestMaskedDoesNotModifyInput(t *testing.T) {
	m := map[string]any{"PASSWORD": "x", "INNER": map[string]any{"TOKEN": "y"}}
	Masked("DB", m)
	want := map[string]any{"PASSWORD": "x", "INNER": map[string]any{"TOKEN": "y"}}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("input changed to %#v", m)
	}
}

func TestMaskedSnapshot(t *testing.T) {
	c := NewWithDefaults()
	c.Set("SECRET_KEY", "dev")
	snap := c.MaskedSnapshot()
	if snap["SECRET_KEY"] != Mask || snap["SESSION_COOKIE_NAME"] != "session" {
		t.Errorf("SECRET_KEY = %v, SESSION_COOKIE_NAME = %v", snap["SECRET_KEY"], snap["SESSION_COOKIE_NAME"])
	}
	if v, _ := c.Get("SECRET_KEY"); v != "dev" {
		t.Errorf("config changed: SECRET_KEY = %v", v)
	}
}
