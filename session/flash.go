package session

import "slices"

// FlashesKey is the session key Flask stores flashed messages under.
const FlashesKey = "_flashes"

// DefaultCategory is the category of messages flashed without one.
const DefaultCategory = "message"

// Flashed is one flashed message.
type Flashed struct {
	// Category is the message category, "message" by default.
	Category string
	// Message is the text of the message.
	Message string
	// Markup reports that Message was flashed as HTML-safe Markup.
	Markup bool
}

// Flash appends message to the session's flashed messages as the tuple
// (category, message), like flask.flash. An empty category means
// DefaultCategory.
func Flash(s *Session, message, category string) {
	if category == "" {
		category = DefaultCategory
	}
	v, _ := s.Get(FlashesKey)
	list, _ := v.([]any)
	s.Set(FlashesKey, append(slices.Clip(list), Tuple{category, message}))
}

// PopFlashes removes and returns the session's flashed messages. Flask
// pops them once per request and caches the list on the request context;
// the web core should do the same (see Flashes) and filter the cached list
// with FilterFlashes. Entries that are not (category, message) pairs are
// skipped.
func PopFlashes(s *Session) []Flashed {
	v, ok := s.Pop(FlashesKey)
	if !ok {
		return nil
	}
	list, _ := v.([]any)
	out := make([]Flashed, 0, len(list))
	for _, item := range list {
		if f, ok := toFlashed(item); ok {
			out = append(out, f)
		}
	}
	return out
}

func toFlashed(item any) (Flashed, bool) {
	var pair []any
	switch x := item.(type) {
	case Tuple:
		pair = x
	case []any:
		pair = x
	}
	if len(pair) != 2 {
		return Flashed{}, false
	}
	cat, ok := pair[0].(string)
	if !ok {
		return Flashed{}, false
	}
	switch m := pair[1].(type) {
	case string:
		return Flashed{Category: cat, Message: m}, true
	case Markup:
		return Flashed{Category: cat, Message: string(m), Markup: true}, true
	}
	return Flashed{}, false
}

// FilterFlashes returns the messages whose category is in categories, or
// all of them when categories is empty, like get_flashed_messages'
// category_filter.
func FilterFlashes(flashes []Flashed, categories []string) []Flashed {
	if len(categories) == 0 {
		return flashes
	}
	var out []Flashed
	for _, f := range flashes {
		if slices.Contains(categories, f.Category) {
			out = append(out, f)
		}
	}
	return out
}

// FlashedMessages pops the session's flashed messages and filters them,
// like flask.get_flashed_messages for a single call. Without categories
// the Category fields are left empty. Calling it twice in a request
// returns nothing the second time; use Flashes to read them repeatedly.
func FlashedMessages(s *Session, withCategories bool, categoryFilter []string) []Flashed {
	return shape(FilterFlashes(PopFlashes(s), categoryFilter), withCategories)
}

func shape(flashes []Flashed, withCategories bool) []Flashed {
	if withCategories {
		return flashes
	}
	out := make([]Flashed, len(flashes))
	for i, f := range flashes {
		out[i] = Flashed{Message: f.Message, Markup: f.Markup}
	}
	return out
}

// Flashes is a per-request cache of popped messages, the equivalent of
// Flask's request_ctx.flashes: the first Get pops them from the session
// and later calls in the same request see the same list. The zero value
// is not usable; create one per request with NewFlashes.
type Flashes struct {
	s      *Session
	popped bool
	list   []Flashed
}

// NewFlashes returns a cache reading from s.
func NewFlashes(s *Session) *Flashes { return &Flashes{s: s} }

// Get returns the request's flashed messages, filtered and shaped like
// FlashedMessages.
func (f *Flashes) Get(withCategories bool, categoryFilter []string) []Flashed {
	if !f.popped {
		f.list, f.popped = PopFlashes(f.s), true
	}
	return shape(FilterFlashes(f.list, categoryFilter), withCategories)
}
