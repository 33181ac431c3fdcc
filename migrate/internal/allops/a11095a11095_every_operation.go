// every operation
//
// Revision ID: a11095a11095
// Revises:
// Create Date: 2026-01-02 03:04:05.000000

package allops

import (
	"time"

	"github.com/flagon-go/flagon/migrate"
)

// reva11095a11095 holds the revision identifiers, used by flagon db.
var reva11095a11095 = &migrate.Revision{
	ID:           "a11095a11095",
	Down:         nil,
	BranchLabels: nil,
	DependsOn:    nil,
	Message:      "every operation",
	Created:      time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
	Upgrade:      upgradea11095a11095,
	Downgrade:    downgradea11095a11095,
}

func init() { registry.Add(reva11095a11095) }

func upgradea11095a11095(op *migrate.Op) error {
	op.CreateTable(migrate.Table{
		Name: "category",
		Columns: []migrate.Column{
			{Name: "id", Type: migrate.BigInteger(), Autoincrement: true},
			{Name: "title", Type: migrate.String(50), Comment: "shown to users"},
			{Name: "body", Type: migrate.Text(), Nullable: true},
			{Name: "active", Type: migrate.Boolean(), ServerDefault: "true"},
			{Name: "ratio", Type: migrate.Float(), Nullable: true},
			{Name: "price", Type: migrate.Numeric(10, 2), Nullable: true},
			{Name: "day", Type: migrate.Date(), Nullable: true},
			{Name: "at", Type: migrate.DateTime(true), Nullable: true},
			{Name: "clock", Type: migrate.Time(), Nullable: true},
			{Name: "blob", Type: migrate.Bytes(), Nullable: true},
			{Name: "doc", Type: migrate.JSON(), Nullable: true},
			{Name: "uid", Type: migrate.UUID(), Nullable: true},
			{Name: "small", Type: migrate.SmallInteger(), Nullable: true},
			{Name: "parent_id", Type: migrate.BigInteger(), Nullable: true},
			{Name: "ref_id", Type: migrate.BigInteger(), Nullable: true},
		},
		PrimaryKey: []string{"id"},
		Indexes: []migrate.Index{
			{Name: "ix_category_title", Columns: []string{"title"}},
		},
		Uniques: []migrate.Unique{
			{Name: "uq_category_uid", Columns: []string{"uid"}},
		},
		ForeignKeys: []migrate.ForeignKey{
			{Name: "fk_category_parent", Columns: []string{"parent_id"}, RefTable: "category", RefColumns: []string{"id"}, OnDelete: "SET NULL"},
		},
		Checks: []migrate.Check{
			{Name: "ck_category_ratio", Expr: "ratio >= 0"},
		},
		Comment: "product categories",
	})
	op.AddColumn("category", migrate.Column{Name: "code", Type: migrate.String(10), Nullable: true})
	op.AlterColumn(migrate.AlterColumn{
		Table:         "category",
		Name:          "code",
		Type:          migrate.Ptr(migrate.String(20)),
		Nullable:      migrate.Ptr(true),
		ServerDefault: migrate.Ptr("'x'"),
		Comment:       migrate.Ptr("short code"),
		Existing:      migrate.Column{Name: "code", Type: migrate.String(10), Nullable: true},
	})
	op.RenameColumn("category", "code", "slug")
	op.AddColumn("category", migrate.Column{Name: "state", Type: migrate.Enum("category_state", "new", "old"), Nullable: true})
	op.AddColumn("category", migrate.Column{Name: "flag", Type: migrate.String(5), Nullable: true})
	op.AlterColumn(migrate.AlterColumn{
		Table:    "category",
		Name:     "flag",
		Type:     migrate.Ptr(migrate.Integer()),
		Using:    "length(\"flag\")",
		Existing: migrate.Column{Name: "flag", Type: migrate.String(5), Nullable: true},
	})
	// category.gone was NOT NULL without a server default: it comes back nullable, as the table may have rows.
	// Backfill it, then make it NOT NULL again with op.AlterColumn(migrate.AlterColumn{Table: "category", Name: "gone", Nullable: migrate.Ptr(false), ...}).
	op.AddColumn("category", migrate.Column{Name: "gone", Type: migrate.Integer(), Nullable: true})
	op.CreateIndex("category", migrate.Index{Name: "uq_category_slug", Columns: []string{"slug"}, Unique: true})
	op.CreateUniqueConstraint("category", migrate.Unique{Name: "uq_category_title", Columns: []string{"title"}})
	op.CreateCheckConstraint("category", migrate.Check{Name: "ck_category_small", Expr: "small > 0"})
	op.CreateForeignKey("category", migrate.ForeignKey{Name: "fk_category_self", Columns: []string{"ref_id"}, RefTable: "category", RefColumns: []string{"id"}})
	op.DropConstraint("category", "fk_category_self", migrate.ConstraintForeignKey)
	op.DropConstraint("category", "ck_category_small", migrate.ConstraintCheck)
	op.DropConstraint("category", "uq_category_title", migrate.ConstraintUnique)
	op.DropIndex("category", "uq_category_slug")
	op.BulkInsert("category", []map[string]any{
		{"active": true, "id": 1, "title": "Chairs"},
		{"body": nil, "id": int64(2), "ratio": float64(0.5), "title": "Lamps"},
	})
	op.Execute("UPDATE category SET body = 'none'")
	op.ExecuteFor(map[string]string{
		"mysql":      "ANALYZE TABLE category",
		"postgresql": "ANALYZE category",
	})
	op.DropColumn("category", "slug")
	op.DropConstraint("category", "fk_category_parent", migrate.ConstraintForeignKey)
	op.AlterPrimaryKey(migrate.AlterPrimaryKey{Table: "category", Columns: []string{"id", "title"}, Prior: []string{"id"}})
	op.RenameTable("category", "kind")
	op.DropTable("kind")
	return nil
}

func downgradea11095a11095(op *migrate.Op) error {
	op.Execute("SELECT 1")
	return nil
}
