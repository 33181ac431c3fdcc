package main

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/csrf"
	"github.com/flagon-go/flagon/examples/inventory/migrations/versions"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/ext/migration"
	"github.com/flagon-go/flagon/migrate"
)

//go:embed templates static
var files embed.FS

// newApp is the app factory (Flask's create_app): the CLI calls it after
// loading .env files and the --debug flag.
func newApp() (*flagon.App, error) {
	templates, _ := fs.Sub(files, "templates")
	static, _ := fs.Sub(files, "static")
	app := flagon.New(flagon.WithTemplateFS(templates), flagon.WithStaticFS(static))
	app.Config.FromEnv("FLAGON") // FLAGON_DATABASE_URL...; database.New reads DATABASE_URL itself
	developmentDefaults(app)
	limitBodies(app)
	if err := setSecretKey(app); err != nil {
		return nil, err
	}
	db, err := database.New(app)
	if err != nil {
		return nil, err
	}
	if err := db.Register(Product{}); err != nil {
		return nil, err
	}
	app.BeforeServe(func(ctx context.Context) error { return upgrade(ctx, app, db) })
	migration.New(app, db, versions.All) // after the upgrade hook: its start-up check sees the upgraded database
	csrf.New(app).ExemptBlueprint("api")
	shop := &shop{db: db}
	shop.routes(app)
	app.RegisterBlueprint(shop.api())
	return app, nil
}

// developmentDefaults turns debug mode on unless FLAGON_DEBUG (or the
// --debug/--no-debug flag) says otherwise, as the .flaskenv with
// FLASK_DEBUG=1 that Flask tutorials commit: the example is for
// development. The reloader still needs --debug; production runs set
// FLAGON_DEBUG=0 and SECRET_KEY.
func developmentDefaults(app *flagon.App) {
	if _, set := os.LookupEnv("FLAGON_DEBUG"); !set {
		app.Config.Set("DEBUG", true)
	}
}

// maxBodySize is the example's request body limit: products are small,
// and without a limit a client could send a body as large as memory.
const maxBodySize = 1 << 20

// limitBodies sets MAX_CONTENT_LENGTH (1 MiB: JSON, form and multipart
// bodies past it are answered 413) unless the environment set it
// (FLAGON_MAX_CONTENT_LENGTH).
func limitBodies(app *flagon.App) {
	if v, _ := app.Config.Get("MAX_CONTENT_LENGTH"); v == nil {
		app.Config.Set("MAX_CONTENT_LENGTH", maxBodySize)
	}
}

// setSecretKey takes SECRET_KEY from the environment. In debug mode a
// missing key is replaced by a random one with a loud warning when the
// server starts (sessions end at each restart); outside debug mode the
// app refuses to start.
func setSecretKey(app *flagon.App) error {
	if key := os.Getenv("SECRET_KEY"); key != "" {
		app.Config.Set("SECRET_KEY", key)
	}
	if k, _ := app.Config.Get("SECRET_KEY"); k != nil {
		return nil
	}
	if !app.Debug() {
		return errors.New("SECRET_KEY is not set: export SECRET_KEY=<a long random string>, or run with --debug to use a temporary key")
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	app.Config.Set("SECRET_KEY", hex.EncodeToString(b))
	// Warn when serving only: not for --help, a usage error or a db
	// command, and once under the reloader (its supervisor builds the app
	// but does not serve it).
	app.BeforeServe(func(context.Context) error {
		app.Logger.Warn("SECRET_KEY is not set: using a random key for this run; sessions and forms will not survive a restart")
		return nil
	})
	return nil
}

// upgrade brings the database to the newest migration when the server
// starts (not for the db commands), under the migration lock, unless
// AUTO_UPGRADE is false.
func upgrade(ctx context.Context, app *flagon.App, db *database.DB) error {
	if !app.Config.BoolOr("AUTO_UPGRADE", true) {
		return nil
	}
	return migrate.UpgradeOnStart(ctx, db.Engine(), versions.All(), migrate.StartOptions{Log: os.Stderr})
}
