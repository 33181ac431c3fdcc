// Package allops holds a generated revision using every operation that
// revision files can contain; tests compile and run it on every database.
package allops

import "github.com/flagon-go/flagon/migrate"

// registry collects the package's revision, as a versions package's does.
var registry migrate.Registry

// All returns the package's revision.
func All() []*migrate.Revision { return registry.All() }
