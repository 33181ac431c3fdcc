package cli

import "fmt"

// message is an error whose text is Alembic's, which starts with a capital
// letter and may end with a period (Go's style is not applied to it).
type message string

func (m message) Error() string { return string(m) }

// alembicf formats an Alembic-style error message.
func alembicf(format string, args ...any) error {
	return message(fmt.Sprintf(format, args...))
}
