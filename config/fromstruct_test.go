package config

import (
	"reflect"
	"testing"
	"time"
)

type dbSettings struct {
	URL     string `config:"URL"`
	Pool    int
	Timeout time.Duration
}

type common struct {
	Debug bool
}

type hidden struct {
	Testing bool
}

type appSettings struct {
	common
	*hidden
	SecretKey        string
	MaxContentLength int64
	DB               dbSettings `config:"DATABASE"`
	Cache            *dbSettings
	Replica          *dbSettings
	Started          time.Time
	Hosts            []string
	Ignored          string `config:"-"`
	Optional         string `config:",omitempty"`
	Lower            string `config:"lower_key"`
	unexported       string
}

func TestFromStruct(t *testing.T) {
	started := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	s := appSettings{
		common:           common{Debug: true},
		hidden:           &hidden{Testing: true},
		SecretKey:        "dev",
		MaxContentLength: 1 << 20,
		DB:               dbSettings{URL: "sqlite://", Pool: 5, Timeout: time.Second},
		Cache:            &dbSettings{URL: "redis://"},
		Started:          started,
		Hosts:            []string{"a"},
		Ignored:          "x",
		Lower:            "y",
		unexported:       "z",
	}
	want := map[string]any{
		"DEBUG":              true,
		"TESTING":            true,
		"SECRET_KEY":         "dev",
		"MAX_CONTENT_LENGTH": int64(1 << 20),
		"DATABASE":           map[string]any{"URL": "sqlite://", "POOL": 5, "TIMEOUT": time.Second},
		"CACHE":              map[string]any{"URL": "redis://", "POOL": 0, "TIMEOUT": time.Duration(0)},
		"REPLICA":            nil,
		"STARTED":            started,
		"HOSTS":              []string{"a"},
	}
	for _, arg := range []struct {
		name string
		v    any
	}{{"value", s}, {"pointer", &s}} {
		t.Run(arg.name, func(t *testing.T) {
			c := New()
			if err := c.FromStruct(arg.v); err != nil {
				t.Fatal(err)
			}
			if got := c.Snapshot(); !reflect.DeepEqual(got, want) {
				t.Errorf("got  %#v\nwant %#v", got, want)
			}
		})
	}
}

func TestFromStructOmitEmpty(t *testing.T) {
	c := New()
	c.Set("OPTIONAL", "kept")
	if err := c.FromStruct(appSettings{}); err != nil {
		t.Fatal(err)
	}
	if got := c.StringOr("OPTIONAL", ""); got != "kept" {
		t.Errorf("OPTIONAL = %q, want the value omitempty left alone", got)
	}
	if !c.Has("SECRET_KEY") || c.Has("TESTING") {
		t.Errorf("zero fields: SECRET_KEY set = %v, TESTING (nil embedded pointer) set = %v",
			c.Has("SECRET_KEY"), c.Has("TESTING"))
	}
}

func TestFromStructRejectsNonStruct(t *testing.T) {
	var nilPtr *appSettings
	tests := []struct {
		name string
		v    any
	}{
		{"nil", nil},
		{"nil pointer", nilPtr},
		{"map", map[string]any{}},
		{"int", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := New().FromStruct(tc.v); err == nil {
				t.Error("FromStruct succeeded, want an error")
			}
		})
	}
}

func TestUpperSnake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"MaxContentLength", "MAX_CONTENT_LENGTH"},
		{"SecretKey", "SECRET_KEY"},
		{"HTTPServer", "HTTP_SERVER"},
		{"UserID", "USER_ID"},
		{"URL", "URL"},
		{"OAuth2Token", "O_AUTH2_TOKEN"},
		{"Max_Size", "MAX_SIZE"},
		{"apiKey", "API_KEY"},
		{"SECRET_KEY", "SECRET_KEY"},
		{"Debug", "DEBUG"},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := UpperSnake(tc.in); got != tc.want {
				t.Errorf("UpperSnake(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
