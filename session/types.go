package session

import "github.com/flagon-go/flagon/session/tagjson"

// Tuple is a Python tuple stored in the session (see tagjson.Tuple).
type Tuple = tagjson.Tuple

// Markup is HTML-safe text stored in the session (see tagjson.Markup).
type Markup = tagjson.Markup

// UUID is a UUID stored in the session (see tagjson.UUID).
type UUID = tagjson.UUID
