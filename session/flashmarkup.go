package session

import (
	"html/template"
	"slices"
)

// FlashMarkup appends HTML-safe message to the session's flashed messages,
// like flask.flash(Markup(...)): it is stored with Flask's Markup tag, so
// Flask shows it unescaped too.
func FlashMarkup(s *Session, message template.HTML, category string) {
	if category == "" {
		category = DefaultCategory
	}
	v, _ := s.Get(FlashesKey)
	list, _ := v.([]any)
	s.Set(FlashesKey, append(slices.Clip(list), Tuple{category, Markup(message)}))
}

// HTML returns the message for a template: as is when it was flashed as
// Markup, escaped otherwise, as Jinja renders {{ message }}.
func (f Flashed) HTML() template.HTML {
	if f.Markup {
		return template.HTML(f.Message)
	}
	return template.HTML(template.HTMLEscapeString(f.Message))
}
