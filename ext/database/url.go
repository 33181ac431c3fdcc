package database

import (
	"context"
	"os"

	"github.com/flagon-go/flagon/config"
)

// configURL returns the default database's URL, first found wins: the
// app's config DATABASE_URL or SQLALCHEMY_DATABASE_URI (set in code, by
// WithConfig, by Config.FromEnv("FLAGON") or a config file), then the
// environment's FLAGON_DATABASE_URL or FLAGON_SQLALCHEMY_DATABASE_URI (what
// Flask's from_prefixed_env would load), DATABASE_URL (the twelve-factor
// convention) or SQLALCHEMY_DATABASE_URI, then DefaultURL. The app's own
// setting wins so that a stray variable cannot redirect an app, or a test,
// that names its database; the database in use is logged when the server
// starts.
func configURL(cfg *config.Config) string {
	for _, key := range []string{"DATABASE_URL", "SQLALCHEMY_DATABASE_URI"} {
		if url := cfg.StringOr(key, ""); url != "" {
			return url
		}
	}
	for _, name := range envURLs {
		if url := os.Getenv(name); url != "" {
			return url
		}
	}
	return DefaultURL
}

// envURLs are the environment variables configURL reads, in order.
var envURLs = []string{"FLAGON_DATABASE_URL", "FLAGON_SQLALCHEMY_DATABASE_URI", "DATABASE_URL", "SQLALCHEMY_DATABASE_URI"}

// logDatabases logs the database of each bind, password masked, when the
// server starts, so that a wrong URL or working directory shows at once.
func (d *DB) logDatabases(context.Context) error {
	for _, bind := range d.Binds() {
		d.app.Logger.Info("database", "bind", bindLabel(bind), "url", d.engines[bind].URL().Redacted())
	}
	return nil
}
