//go:build !unix

package reload

import (
	"errors"
	"net"
	"os"
)

// listenerFile fails: passing a socket to a child needs Unix.
func listenerFile(net.Listener) (*os.File, error) {
	return nil, errors.New("reload: the reloader needs a Unix system")
}
