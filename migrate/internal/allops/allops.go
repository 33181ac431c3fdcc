// Package allops holds a generated revision using every operation that
// revision files can contain; tests compile and run it on every database.
package allops

import "github.com/flagon-go/flagon/migrate"

// All returns the package's revision.
func All() []*migrate.Revision { return []*migrate.Revision{reva11095a11095} }
