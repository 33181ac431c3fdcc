package dbtest

import (
	"os"
	"strings"
)

// lookup returns the trimmed value of an environment variable.
func lookup(name string) string {
	return strings.TrimSpace(os.Getenv(name))
}
