package main

import (
	"context"
	"embed"
	"io/fs"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
)

//go:embed templates static
var files embed.FS

// newApp is the app factory (Flaskr's create_app). The database is
// DATABASE_URL (SQLite in the instance folder by default); its tables are
// created at start-up, as `flask --app flaskr init-db` does once.
func newApp() (*flagon.App, error) {
	app, db, err := build()
	if err != nil {
		return nil, err
	}
	app.BeforeServe(func(ctx context.Context) error { return db.CreateAll(ctx) })
	return app, nil
}

// build makes the app and its database handle.
func build() (*flagon.App, *database.DB, error) {
	templates, _ := fs.Sub(files, "templates")
	static, _ := fs.Sub(files, "static")
	app := flagon.New(flagon.WithTemplateFS(templates), flagon.WithStaticFS(static))
	app.Config.Set("SECRET_KEY", "dev") // a default secret that should be overridden
	app.Config.FromEnv("FLAGON")        // FLAGON_SECRET_KEY, FLAGON_DATABASE_URL...
	app.UseJinja()
	db, err := database.New(app)
	if err != nil {
		return nil, nil, err
	}
	if err := db.Register(User{}, Post{}); err != nil {
		return nil, nil, err
	}
	a := &auth{db: db}
	b := &blog{db: db}
	app.RegisterBlueprint(a.blueprint())
	app.RegisterBlueprint(b.blueprint())
	// url_for('index') == url_for('blog.index'), as in Flaskr.
	app.AddURLRule("/", "index")
	app.Get("/hello", func(c *flagon.Ctx) error { return c.Text("Hello, World!") })
	return app, db, nil
}
