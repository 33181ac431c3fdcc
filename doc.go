// Package flagon is the web core of flagon: Flask and Werkzeug rebuilt in Go
// on top of net/http.
//
// An App is an http.Handler. Routes use Flask's rule syntax
// ("/post/<int:id>"), handlers are func(*Ctx) error, and a returned error
// goes through the app's error handlers:
//
//	app := flagon.New()
//	app.Get("/post/<int:id>", func(c *flagon.Ctx) error {
//		id, err := c.ParamInt("id")
//		if err != nil {
//			return err
//		}
//		return c.Textf("post %d", id)
//	})
//	app.Run(":5000")
//
// Blueprints group routes, hooks, error handlers, templates and static
// files under a name and URL prefix, exactly as in Flask; App and Blueprint
// share one registration API (Scaffold). Per-request state lives on the Ctx
// and in the request's context.Context: there are no global proxies.
//
// The session, flash, CSRF, templates and signals live in subpackages and
// are wired into the App; the ORM (package orm) and migrations (package
// migrate) are independent of the web core and joined to it by ext/.
package flagon
