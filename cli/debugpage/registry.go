package debugpage

import (
	"html/template"
	"sync"

	"github.com/flagon-go/flagon"
)

// PanelFunc renders a panel of the debug page for the failed request,
// e.g. the session's contents or the SQL statements it ran. It runs while
// the request's context is still valid.
type PanelFunc func(c *flagon.Ctx) template.HTML

type panel struct {
	name   string
	render PanelFunc
}

type namedConsole struct {
	name    string
	console Console
}

// registry holds one app's panels and consoles.
type registry struct {
	mu       sync.RWMutex
	panels   []panel
	consoles []namedConsole
}

var registries sync.Map // *flagon.App -> *registry

func registryOf(app *flagon.App) *registry {
	r, _ := registries.LoadOrStore(app, &registry{})
	return r.(*registry)
}

// AddPanel adds a panel named name to app's debug page. Extensions call
// it when they are set up; panels appear in the order added.
func AddPanel(app *flagon.App, name string, f PanelFunc) {
	r := registryOf(app)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.panels = append(r.panels, panel{name: name, render: f})
}

// AddConsole adds a SQL console named name (e.g. a database bind) to
// app's debug page, usable once the PIN is entered. c is wrapped with
// ReadOnly, so only single SELECT statements reach it.
func AddConsole(app *flagon.App, name string, c Console) {
	r := registryOf(app)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.consoles = append(r.consoles, namedConsole{name: name, console: ReadOnly(c)})
}

func (r *registry) snapshot() ([]panel, []namedConsole) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return append([]panel(nil), r.panels...), append([]namedConsole(nil), r.consoles...)
}

func (r *registry) console(name string) (Console, bool) {
	_, consoles := r.snapshot()
	for _, c := range consoles {
		if c.name == name {
			return c.console, true
		}
	}
	return nil, false
}
