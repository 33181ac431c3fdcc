package autogen

import (
	"fmt"
	"slices"

	"ariga.io/atlas/sql/schema"
)

// skipExpressionIndexes removes from the inspected schema the indexes on
// an expression (lower(name)), which models cannot declare, so that
// autogenerate never proposes dropping them; SQLAlchemy's reflection
// skips them with the warning "Skipped unsupported reflection of
// expression-based index", so Alembic never sees them. It returns a note
// per index.
func skipExpressionIndexes(current *schema.Schema) []string {
	var notes []string
	for _, t := range current.Tables {
		t.Indexes = slices.DeleteFunc(t.Indexes, func(ix *schema.Index) bool {
			if !onExpression(ix) {
				return false
			}
			notes = append(notes, fmt.Sprintf("Skipped unsupported reflection of expression-based index '%s' on '%s': models cannot declare it, so it is left as it is", ix.Name, t.Name))
			return true
		})
	}
	return notes
}

// onExpression reports whether a part of ix is an expression.
func onExpression(ix *schema.Index) bool {
	return slices.ContainsFunc(ix.Parts, func(p *schema.IndexPart) bool { return p.C == nil && p.X != nil })
}
