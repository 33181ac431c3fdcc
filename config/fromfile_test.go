package config

import (
	"encoding/json"
	"errors"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestFromFile(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		load    func([]byte, any) error
		silent  bool
		want    map[string]any
		wantErr string
	}{
		{
			name: "LoadJSON keeps ints",
			path: "testdata/config.json",
			load: LoadJSON,
			want: map[string]any{"SECRET_KEY": "from-file", "MAX_CONTENT_LENGTH": 1048576, "RATIO": 0.5,
				"DB": map[string]any{"URL": "sqlite:///app.db", "POOL": 5}},
		},
		{
			name: "json.Unmarshal gives floats",
			path: "testdata/config.json",
			load: json.Unmarshal,
			want: map[string]any{"SECRET_KEY": "from-file", "MAX_CONTENT_LENGTH": 1048576.0, "RATIO": 0.5,
				"DB": map[string]any{"URL": "sqlite:///app.db", "POOL": 5.0}},
		},
		{name: "missing silent", path: "testdata/none.json", load: LoadJSON, silent: true, want: map[string]any{}},
		{name: "missing", path: "testdata/none.json", load: LoadJSON, wantErr: "testdata/none.json"},
		{name: "bad content", path: "testdata/bad.json", load: LoadJSON, wantErr: "testdata/bad.json"},
		{name: "bad content silent", path: "testdata/bad.json", load: LoadJSON, silent: true, wantErr: "bad.json"},
		{name: "directory", path: "testdata", load: LoadJSON, wantErr: "testdata"},
		{name: "directory silent", path: "testdata", load: LoadJSON, silent: true, want: map[string]any{}},
		{name: "nil load", path: "testdata/config.json", wantErr: "no load function"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := New()
			err := c.FromFile(tc.path, tc.load, tc.silent)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Snapshot(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
		})
	}
}

func TestFromFileMissingIsNotExist(t *testing.T) {
	err := New().FromFile(filepath.Join(t.TempDir(), "x.json"), LoadJSON, false)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want fs.ErrNotExist in its chain", err)
	}
}

func TestFromEnvVar(t *testing.T) {
	tests := []struct {
		name    string
		value   string
		silent  bool
		wantKey bool
		wantErr bool
	}{
		{name: "points to file", value: "testdata/config.json", wantKey: true},
		{name: "unset", wantErr: true},
		{name: "unset silent", silent: true},
		{name: "missing file", value: "testdata/none.json", wantErr: true},
		{name: "missing file silent", value: "testdata/none.json", silent: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("FLAGON_TEST_SETTINGS", tc.value)
			c := New()
			err := c.FromEnvVar("FLAGON_TEST_SETTINGS", LoadJSON, tc.silent)
			if (err != nil) != tc.wantErr || c.Has("SECRET_KEY") != tc.wantKey {
				t.Errorf("err = %v, SECRET_KEY set = %v", err, c.Has("SECRET_KEY"))
			}
		})
	}
}

func TestLoadJSON(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    any
		wantErr bool
	}{
		{name: "object", in: `{"a": 1, "b": [2, 3.5]}`, want: map[string]any{"a": 1, "b": []any{2, 3.5}}},
		{name: "scalar", in: `7`, want: 7},
		{name: "trailing space", in: "7 \n", want: 7},
		{name: "trailing value", in: `7 8`, wantErr: true},
		{name: "trailing brace", in: `{} }`, wantErr: true},
		{name: "truncated", in: `{"a":`, wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got any
			err := LoadJSON([]byte(tc.in), &got)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v", err)
			}
			if !tc.wantErr && !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
		})
	}
}
