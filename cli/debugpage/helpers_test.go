package debugpage_test

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli/debugpage"
)

// LookupError is a custom error with fields, one of them secret.
type LookupError struct {
	Table    string
	ID       int
	Password string
	Err      error
}

func (e *LookupError) Error() string { return fmt.Sprintf("lookup %s/%d: %v", e.Table, e.ID, e.Err) }
func (e *LookupError) Unwrap() error { return e.Err }

var errNotFound = errors.New("row not found")

var userKey = flagon.NewKey[string]("user")

// newApp returns an app in debug mode with the debugger installed.
func newApp(debug bool, opts debugpage.Options) (*flagon.App, *debugpage.Debugger) {
	app := flagon.New(flagon.WithConfig(map[string]any{
		"DEBUG": debug, "SECRET_KEY": secretKey,
		"DATABASE_URL": "postgresql://app:" + dbPassword + "@db.internal/shop",
	}), flagon.WithLogger(slog.New(slog.DiscardHandler)))
	app.Get("/panic/<int:id>", func(c *flagon.Ctx) error {
		userKey.Set(c, userAlice)
		panic(explode(c.Param("id")))
	}, flagon.Endpoint("explode"))
	app.Post("/error/<name>", func(c *flagon.Ctx) error {
		userKey.Set(c, userBob)
		_, _ = c.Form()
		return fmt.Errorf("saving %s: %w", c.Param("name"),
			&LookupError{Table: "items", ID: 7, Password: fieldPassword, Err: errNotFound})
	}, flagon.Endpoint("save"))
	app.Get("/ok", func(c *flagon.Ctx) error { return c.Text("fine") })
	debugpage.AddPanel(app, "Session", func(c *flagon.Ctx) template.HTML {
		return template.HTML("<p id=session-panel>cart=3 items</p>")
	})
	d := debugpage.Install(app, opts)
	debugpage.SetSleep(d, func(context.Context, time.Duration) {}) // no delay after wrong PINs
	return app, d
}

// explode is an application frame on the stack.
func explode(id string) string {
	return "cannot explode item " + id
}
