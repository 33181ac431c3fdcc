package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// FromFile reads the file at path, decodes it with load into a
// map[string]any and stores its upper-case keys, like Flask's from_file.
// load is typically LoadJSON or json.Unmarshal. With silent, a missing file
// (or a directory, as Flask's ENOENT and EISDIR) is not an error. Every error names the file. A relative path is relative
// to the working directory; Flask's is relative to the app's root path, so
// callers join it first.
func (c *Config) FromFile(path string, load func(data []byte, v any) error, silent bool) error {
	if load == nil {
		return fmt.Errorf("config: load %q: no load function", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if silent && (errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.EISDIR)) {
			return nil
		}
		return fmt.Errorf("config: unable to load configuration file %q: %w", path, err)
	}
	m := map[string]any{}
	if err := load(data, &m); err != nil {
		return fmt.Errorf("config: unable to load configuration file %q: %w", path, err)
	}
	c.FromMap(m)
	return nil
}

// FromEnvVar loads the file named by the environment variable name with
// FromFile, like Flask's from_envvar. With silent, an unset or empty
// variable and a missing file are not errors.
func (c *Config) FromEnvVar(name string, load func(data []byte, v any) error, silent bool) error {
	path := os.Getenv(name)
	if path == "" {
		if silent {
			return nil
		}
		return fmt.Errorf("config: the environment variable '%s' is not set and as such configuration could not be loaded; set it to the path of a configuration file", name)
	}
	return c.FromFile(path, load, silent)
}
