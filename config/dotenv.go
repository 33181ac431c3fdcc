package config

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// defaultDotenvFiles are the files LoadDotenv searches for, highest
// precedence first (Flask: .env over .flaskenv).
var defaultDotenvFiles = []string{".env", ".flagonenv"}

// LoadDotenv loads environment variables from dotenv files, like Flask's
// load_dotenv, and returns the paths it loaded, highest precedence first.
//
// It loads the explicit files (the CLI's -e/--env-file; relative paths are
// relative to dir), then .env and .flagonenv, each searched for in dir and
// its parents (the nearest wins; a missing one is skipped). dir "" means the
// working directory. A variable already in the environment is never
// overridden; otherwise earlier files win: explicit files (in the given
// order) over .env over .flagonenv.
//
// A missing explicit file or a malformed file is an error (a *DotenvError
// naming the file and, when known, the line), and then nothing is loaded.
func LoadDotenv(dir string, files ...string) ([]string, error) {
	dir, err := absDir(dir)
	if err != nil {
		return nil, err
	}
	paths := make([]string, 0, len(files)+len(defaultDotenvFiles))
	for _, f := range files {
		paths = appendPath(paths, resolve(dir, f))
	}
	for _, name := range defaultDotenvFiles {
		if p, ok := findUp(dir, name); ok {
			paths = appendPath(paths, p)
		}
	}
	return loaded(paths, setenvFrom(paths))
}

// LoadDotenvFiles loads only the given files, with LoadDotenv's rules: the
// environment is never overridden and earlier files win. The CLI uses it for
// -e/--env-file when SkipDotenv reports true.
func LoadDotenvFiles(files ...string) ([]string, error) {
	var paths []string
	for _, f := range files {
		paths = appendPath(paths, filepath.Clean(f))
	}
	return loaded(paths, setenvFrom(paths))
}

// SkipDotenv reports whether FLAGON_SKIP_DOTENV asks the CLI not to load
// .env and .flagonenv, as FLASK_SKIP_DOTENV does: any value except "", "0",
// "false" and "no" (any case).
func SkipDotenv() bool {
	v := strings.ToLower(os.Getenv("FLAGON_SKIP_DOTENV"))
	return v != "" && v != "0" && v != "false" && v != "no"
}

// loaded returns paths, or nil and err when loading failed.
func loaded(paths []string, err error) ([]string, error) {
	if err != nil {
		return nil, err
	}
	return paths, nil
}

// absDir returns dir, or the working directory for "", as an absolute path.
func absDir(dir string) (string, error) {
	if dir == "" {
		return os.Getwd()
	}
	return filepath.Abs(dir)
}

// resolve joins a relative path to dir.
func resolve(dir, path string) string {
	if filepath.IsAbs(path) {
		return filepath.Clean(path)
	}
	return filepath.Join(dir, path)
}

// appendPath appends p unless paths already holds it.
func appendPath(paths []string, p string) []string {
	if slices.Contains(paths, p) {
		return paths
	}
	return append(paths, p)
}

// findUp returns the first regular file called name in dir or its parents.
func findUp(dir, name string) (string, bool) {
	for {
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// setenvFrom reads every file first, then sets the variables that are not
// already in the environment, earlier files winning. A key without a value
// (nil) in an earlier file hides the key of later files, as Flask's merge
// of dotenv_values does, and is not set.
func setenvFrom(paths []string) error {
	values := map[string]*string{}
	for _, p := range paths {
		m, err := readDotenv(p)
		if err != nil {
			return err
		}
		for k, v := range m {
			if _, seen := values[k]; !seen {
				values[k] = v
			}
		}
	}
	return setenvMissing(values)
}

// setenvMissing sets each variable of values with a value that the
// environment lacks.
func setenvMissing(values map[string]*string) error {
	for k, v := range values {
		if _, ok := os.LookupEnv(k); ok || v == nil {
			continue
		}
		if err := os.Setenv(k, *v); err != nil {
			return fmt.Errorf("config: set %s: %w", k, err)
		}
	}
	return nil
}
