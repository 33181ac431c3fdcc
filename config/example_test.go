package config_test

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/flagon-go/flagon/config"
)

func ExampleNewWithDefaults() {
	c := config.NewWithDefaults()
	lifetime, _ := c.Duration("PERMANENT_SESSION_LIFETIME")
	secret, set := c.Get("SECRET_KEY")
	fmt.Println(lifetime, c.StringOr("SESSION_COOKIE_NAME", ""))
	fmt.Println(secret, set)
	// Output:
	// 744h0m0s session
	// <nil> true
}

func ExampleConfig_FromEnviron() {
	c := config.New()
	n := c.FromEnviron("FLAGON", []string{
		"FLAGON_DEBUG=true",
		"FLAGON_MAX_CONTENT_LENGTH=16777216",
		"FLAGON_TRUSTED_HOSTS=[\"example.com\", \"api.example.com\"]",
		"FLAGON_DB__URL=sqlite:///app.db",
		"HOME=/root",
	})
	debug, _ := c.Bool("DEBUG")
	size, _ := c.Int("MAX_CONTENT_LENGTH")
	hosts, _ := c.Strings("TRUSTED_HOSTS")
	db, _ := c.Map("DB")
	fmt.Println(n, debug, size, hosts, db["URL"])
	// Output: 4 true 16777216 [example.com api.example.com] sqlite:///app.db
}

func ExampleConfig_FromStruct() {
	type Settings struct {
		SecretKey        string
		MaxContentLength int
		Lifetime         time.Duration `config:"PERMANENT_SESSION_LIFETIME"`
		DB               struct{ URL string }
	}
	c := config.New()
	var s Settings
	s.SecretKey = "dev"
	s.MaxContentLength = 1024
	s.Lifetime = time.Hour
	s.DB.URL = "sqlite://"
	if err := c.FromStruct(s); err != nil {
		fmt.Println(err)
	}
	fmt.Println(c.Keys())
	fmt.Println(c.Snapshot()["DB"])
	// Output:
	// [DB MAX_CONTENT_LENGTH PERMANENT_SESSION_LIFETIME SECRET_KEY]
	// map[URL:sqlite://]
}

func ExampleConfig_Namespace() {
	c := config.New()
	c.Set("IMAGE_STORE_TYPE", "fs")
	c.Set("IMAGE_STORE_PATH", "/var/app/images")
	c.Set("DEBUG", true)
	fmt.Println(c.Namespace("IMAGE_STORE_", true, true))
	// Output: map[path:/var/app/images type:fs]
}

func ExampleConfig_Duration() {
	c := config.New()
	c.Set("PERMANENT_SESSION_LIFETIME", 3600) // seconds, as in Flask
	c.Set("CACHE_TIMEOUT", "90s")
	a, _ := c.Duration("PERMANENT_SESSION_LIFETIME")
	b, _ := c.Duration("CACHE_TIMEOUT")
	_, err := c.Int("CACHE_TIMEOUT")
	fmt.Println(a, b)
	fmt.Println(err)
	// Output:
	// 1h0m0s 1m30s
	// config: CACHE_TIMEOUT is string ("90s"), want int
}

func ExampleMasked() {
	fmt.Println(config.Masked("SECRET_KEY", "dev"))
	fmt.Println(config.Masked("SQLALCHEMY_DATABASE_URI", "postgresql://scott:tiger@localhost/test"))
	fmt.Println(config.Masked("DB", map[string]any{"PASSWORD": "x", "HOST": "db"}))
	// Output:
	// ***
	// postgresql://scott:***@localhost/test
	// map[HOST:db PASSWORD:***]
}

func ExampleConfig_FromFile() {
	c := config.New()
	if err := c.FromFile("testdata/config.json", config.LoadJSON, false); err != nil {
		fmt.Println(err)
	}
	fmt.Println(c.IntOr("MAX_CONTENT_LENGTH", 0))
	fmt.Println(c.FromFile("testdata/missing.json", config.LoadJSON, true))
	// Output:
	// 1048576
	// <nil>
}

func ExampleLoadDotenv() {
	dir, _ := os.MkdirTemp("", "dotenv")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, ".env"), []byte("EXAMPLE_GREETING=from .env\n"), 0o644)
	os.WriteFile(filepath.Join(dir, ".flagonenv"), []byte("EXAMPLE_GREETING=from .flagonenv\nEXAMPLE_APP=inventory\n"), 0o644)
	defer os.Unsetenv("EXAMPLE_GREETING")
	defer os.Unsetenv("EXAMPLE_APP")

	paths, err := config.LoadDotenv(dir)
	if err != nil {
		fmt.Println(err)
	}
	for _, p := range paths {
		fmt.Println(filepath.Base(p))
	}
	fmt.Println(os.Getenv("EXAMPLE_GREETING"), "/", os.Getenv("EXAMPLE_APP"))
	// Output:
	// .env
	// .flagonenv
	// from .env / inventory
}

func ExampleConfig_Version() {
	c := config.New()
	c.Set("TRUSTED_HOSTS", "a.test, b.test")
	var hosts []string
	var seen uint64
	trusted := func() []string { // parses the list again only after a change
		if v := c.Version(); hosts == nil || v != seen {
			hosts, _ = c.Strings("TRUSTED_HOSTS")
			seen = v
		}
		return hosts
	}
	fmt.Println(trusted())
	c.Set("TRUSTED_HOSTS", "c.test")
	fmt.Println(trusted())
	// Output:
	// [a.test b.test]
	// [c.test]
}
