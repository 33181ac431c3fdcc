package migrate

import (
	"strings"

	"ariga.io/atlas/sql/schema"
)

// commentAttr returns a comment attribute whose text Atlas writes as the
// given comment. Atlas writes a comment that already looks like a quoted
// string ('draft', or "draft" on MySQL) as it is, so the database would
// store it without its quotes (or fail on 'a' b 'c'); such a comment is
// given to Atlas as the dialect's string literal instead.
func commentAttr(dialectName, text string) *schema.Comment {
	return &schema.Comment{Text: commentLiteral(dialectName, text)}
}

// commentLiteral returns text, or its string literal when Atlas would
// take it for one.
func commentLiteral(dialectName, text string) string {
	if len(text) < 2 || text[0] != text[len(text)-1] {
		return text
	}
	switch {
	case dialectName == MySQL && (text[0] == '\'' || text[0] == '"'):
		return "'" + strings.NewReplacer(`\`, `\\`, `'`, `''`).Replace(text) + "'"
	case dialectName == PostgreSQL && text[0] == '\'':
		return "'" + strings.ReplaceAll(text, "'", "''") + "'"
	}
	return text
}

// literalInspectedComments applies commentLiteral to the comments of an
// inspected schema, which MySQL's MODIFY restates.
func literalInspectedComments(dialectName string, s *schema.Schema) {
	fix := func(attrs []schema.Attr) {
		for i, a := range attrs {
			if c, ok := a.(*schema.Comment); ok {
				attrs[i] = commentAttr(dialectName, c.Text)
			}
		}
	}
	for _, t := range s.Tables {
		fix(t.Attrs)
		for _, c := range t.Columns {
			fix(c.Attrs)
		}
	}
}
