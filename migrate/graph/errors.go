package graph

// An ErrorKind classifies graph errors so callers can test for them.
type ErrorKind int

// Error kinds.
const (
	ErrInvalid ErrorKind = iota + 1
	ErrDuplicate
	ErrMissing
	ErrCycle
	ErrUnknown
	ErrAmbiguous
	ErrMultipleHeads
	ErrRelative
	ErrSpec
	// ErrRevision is any other Alembic RevisionError (an ambiguous walk, a
	// downgrade target off the current heads...).
	ErrRevision
	// ErrNotAncestor is Alembic's RangeNotAncestorError.
	ErrNotAncestor
)

// An Error is a revision graph error with an Alembic-style message.
type Error struct {
	// Kind classifies the error.
	Kind ErrorKind
	// Rev is the revision or specification concerned, if any.
	Rev string
	// Msg is the complete message.
	Msg string
}

// Error returns the message.
func (e *Error) Error() string { return e.Msg }

// Is matches errors of the same kind, so errors.Is(err, &Error{Kind: ErrCycle}) works.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind && (t.Rev == "" || t.Rev == e.Rev)
}

// MultipleHeadsMessage is the error text when "head" must name one head
// and several exist (MultipleHeadRevisions("head")).
const MultipleHeadsMessage = "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads"

// multipleHeads returns the multiple-heads error for a spec.
func multipleHeads(spec string) error {
	return &Error{Kind: ErrMultipleHeads, Rev: spec, Msg: MultipleHeadRevisions(spec)}
}
