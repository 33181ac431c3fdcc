package csrf

import (
	"sync"

	"github.com/flagon-go/flagon"
)

// registry maps each app to its protection, so Token works in handlers
// and templates without passing the *Protect around.
var registry sync.Map

// forApp returns the app's protection, or defaults for an app without
// New (Token then still works, for apps that validate by hand).
func forApp(app *flagon.App) *Protect {
	if p, ok := registry.Load(app); ok {
		return p.(*Protect)
	}
	return &Protect{app: app}
}
