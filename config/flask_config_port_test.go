package config

import (
	"errors"
	"io/fs"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Ports of Flask tests/test_config.py. from_pyfile and from_object on a
// module have no Go meaning (FromStruct and FromFile cover them).

// commonObjectTest is the original's common_object_test.
func commonObjectTest(t *testing.T, c *Config) {
	t.Helper()
	if v, _ := c.Get("SECRET_KEY"); v != "config" {
		t.Errorf("SECRET_KEY = %#v", v)
	}
	if v, _ := c.Get("TEST_KEY"); v != "foo" {
		t.Errorf("TEST_KEY = %#v", v)
	}
	if c.Has("TestConfig") {
		t.Error("TestConfig is set")
	}
}

func TestConfigFromObjectPort(t *testing.T) {
	type base struct{ TestKey string }
	type test struct {
		base
		SecretKey  string
		TestConfig string `config:"TestConfig"`
	}
	cases := []struct {
		name string
		load func(*Config) error
	}{
		{"test_config_from_file_json", func(c *Config) error { return c.FromFile("testdata/flask/config.json", LoadJSON, false) }},
		{"test_config_from_class", func(c *Config) error { return c.FromStruct(test{base{"foo"}, "config", "x"}) }},
		{"test_config_from_mapping", func(c *Config) error {
			c.FromMap(map[string]any{"SECRET_KEY": "config", "TEST_KEY": "foo", "skip_key": "skip"})
			return nil
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := New()
			if err := tc.load(c); err != nil {
				t.Fatal(err)
			}
			commonObjectTest(t, c)
			if c.Has("skip_key") {
				t.Error("lower-case key loaded")
			}
		})
	}
}

func TestFromPrefixedEnvPort(t *testing.T) {
	t.Run("test_from_prefixed_env", func(t *testing.T) {
		c := New()
		c.FromEnviron("FLASK", []string{
			"FLASK_STRING=value", "FLASK_BOOL=true", "FLASK_INT=1", "FLASK_FLOAT=1.2",
			"FLASK_LIST=[1, 2]", `FLASK_DICT={"k": "v"}`, "NOT_FLASK_OTHER=other",
		})
		want := map[string]any{
			"STRING": "value", "BOOL": true, "INT": 1, "FLOAT": 1.2,
			"LIST": []any{1, 2}, "DICT": map[string]any{"k": "v"},
		}
		if got := c.Snapshot(); !reflect.DeepEqual(got, want) {
			t.Errorf("config = %#v", got)
		}
	})
	t.Run("test_from_prefixed_env_custom_prefix", func(t *testing.T) {
		c := New()
		c.FromEnviron("NOT_FLASK", []string{"FLASK_A=a", "NOT_FLASK_A=b"})
		if v, _ := c.Get("A"); v != "b" {
			t.Errorf("A = %#v", v)
		}
	})
	t.Run("test_from_prefixed_env_nested", func(t *testing.T) {
		c := New()
		c.Set("EXIST", map[string]any{"ok": "value", "flag": true, "inner": map[string]any{"ik": 1}})
		c.FromEnviron("FLASK", []string{
			"FLASK_EXIST__ok=other", "FLASK_EXIST__inner__ik=2",
			`FLASK_EXIST__new__more={"k": false}`, "FLASK_NEW__K=v",
		})
		want := map[string]any{
			"ok": "other", "flag": true, "inner": map[string]any{"ik": 2},
			"new": map[string]any{"more": map[string]any{"k": false}},
		}
		if got, _ := c.Get("EXIST"); !reflect.DeepEqual(got, want) {
			t.Errorf("EXIST = %#v", got)
		}
		if got, _ := c.Get("NEW"); !reflect.DeepEqual(got, map[string]any{"K": "v"}) {
			t.Errorf("NEW = %#v", got)
		}
	})
	// json.loads also reads Python's NaN and Infinity constants.
	t.Run("python constants", func(t *testing.T) {
		c := New()
		c.FromEnviron("FLASK", []string{"FLASK_NAN=NaN", "FLASK_INF=Infinity", "FLASK_NINF=-Infinity"})
		nan, _ := c.Float64("NAN")
		inf, _ := c.Float64("INF")
		ninf, _ := c.Float64("NINF")
		if !math.IsNaN(nan) || !math.IsInf(inf, 1) || !math.IsInf(ninf, -1) {
			t.Errorf("NAN=%v INF=%v NINF=%v", nan, inf, ninf)
		}
	})
}

func TestConfigFromEnvvarPort(t *testing.T) {
	t.Run("test_config_from_envvar", func(t *testing.T) {
		t.Setenv("FOO_SETTINGS", "")
		c := New()
		err := c.FromEnvVar("FOO_SETTINGS", LoadJSON, false)
		if err == nil || !strings.Contains(err.Error(), "'FOO_SETTINGS' is not set") {
			t.Errorf("err = %v", err)
		}
		if err := c.FromEnvVar("FOO_SETTINGS", LoadJSON, true); err != nil {
			t.Errorf("silent: %v", err)
		}
		t.Setenv("FOO_SETTINGS", "testdata/flask/config.json")
		if err := c.FromEnvVar("FOO_SETTINGS", LoadJSON, false); err != nil {
			t.Fatal(err)
		}
		commonObjectTest(t, c)
	})
	t.Run("test_config_from_envvar_missing", func(t *testing.T) {
		t.Setenv("FOO_SETTINGS", "missing.cfg")
		c := New()
		err := c.FromEnvVar("FOO_SETTINGS", LoadJSON, false)
		checkMissing(t, err, "missing.cfg")
		if err := c.FromEnvVar("FOO_SETTINGS", LoadJSON, true); err != nil {
			t.Errorf("silent: %v", err)
		}
	})
}

func checkMissing(t *testing.T, err error, name string) {
	t.Helper()
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(strings.ToLower(err.Error()), "unable to load configuration file") ||
		!strings.Contains(err.Error(), name) {
		t.Errorf("err = %v", err)
	}
}

func TestConfigMissingFilePort(t *testing.T) {
	c := New()
	checkMissing(t, c.FromFile("missing.json", LoadJSON, false), "missing.json")
	if err := c.FromFile("missing.json", LoadJSON, true); err != nil {
		t.Errorf("silent: %v", err)
	}
}

func TestSessionLifetimePort(t *testing.T) {
	c := New()
	c.Set("PERMANENT_SESSION_LIFETIME", 42)
	if d := c.DurationOr("PERMANENT_SESSION_LIFETIME", 0); d != 42*time.Second {
		t.Errorf("lifetime = %v", d)
	}
}

func TestGetNamespacePort(t *testing.T) {
	c := New()
	c.FromMap(map[string]any{
		"FOO_OPTION_1": "foo option 1", "FOO_OPTION_2": "foo option 2",
		"BAR_STUFF_1": "bar stuff 1", "BAR_STUFF_2": "bar stuff 2",
	})
	cases := []struct {
		prefix          string
		lowercase, trim bool
		want            map[string]any
	}{
		{"FOO_", true, true, map[string]any{"option_1": "foo option 1", "option_2": "foo option 2"}},
		{"BAR_", false, true, map[string]any{"STUFF_1": "bar stuff 1", "STUFF_2": "bar stuff 2"}},
		{"FOO_", true, false, map[string]any{"foo_option_1": "foo option 1", "foo_option_2": "foo option 2"}},
		{"BAR_", false, false, map[string]any{"BAR_STUFF_1": "bar stuff 1", "BAR_STUFF_2": "bar stuff 2"}},
	}
	for _, tc := range cases {
		if got := c.Namespace(tc.prefix, tc.lowercase, tc.trim); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Namespace(%q, %v, %v) = %#v", tc.prefix, tc.lowercase, tc.trim, got)
		}
	}
}
