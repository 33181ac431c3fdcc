package orm_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon/orm"
)

func TestRelationResolution(t *testing.T) {
	md := orm.NewMetaData()
	must(t, md.Register(User{}, Profile{}, Post{}, Tag{}, PostTag{}, Node{}))
	tests := []struct {
		model    any
		field    string
		kind     orm.RelationKind
		target   string
		cascade  orm.Cascade
		backName string
	}{
		{Post{}, "Author", orm.ManyToOne, "user", orm.CascadeSaveUpdate | orm.CascadeMerge, "Posts"},
		{User{}, "Posts", orm.OneToMany, "post", orm.CascadeAll | orm.CascadeDeleteOrphan, "Author"},
		{User{}, "Profile", orm.OneToOne, "profile", orm.CascadeAll, ""},
		{Post{}, "Tags", orm.ManyToMany, "tag", orm.CascadeSaveUpdate | orm.CascadeMerge, "Posts"},
		{Node{}, "Parent", orm.ManyToOne, "node", orm.CascadeSaveUpdate | orm.CascadeMerge, "Children"},
		{Node{}, "Children", orm.OneToMany, "node", orm.CascadeAll, "Parent"},
	}
	for _, tt := range tests {
		tbl, err := orm.TableOf(tt.model)
		must(t, err)
		t.Run(tbl.Name+"."+tt.field, func(t *testing.T) {
			r := tbl.Relation(tt.field)
			if r == nil {
				t.Fatalf("no relationship %s", tt.field)
			}
			target, err := r.Target()
			if err != nil || r.Kind() != tt.kind || target.Name != tt.target || r.Cascade != tt.cascade {
				t.Errorf("kind %v target %v cascade %b err %v; want %v %s %b", r.Kind(), target, r.Cascade, err, tt.kind, tt.target, tt.cascade)
			}
			got := ""
			if b := r.Back(); b != nil {
				got = b.Name
			}
			if got != tt.backName {
				t.Errorf("back-reference = %q, want %q", got, tt.backName)
			}
		})
	}
}

// Models with relationship declaration mistakes.
type (
	badRelOption struct {
		ID    int64
		Owner orm.One[User] `orm:"lazy:sometimes"`
	}
	twoKeys struct {
		ID      int64
		AID     int64 `orm:"fk:user.id"`
		BID     int64 `orm:"fk:user.id"`
		Related orm.One[User]
	}
	noKey struct {
		ID      int64
		Related orm.One[Tag]
	}
	noSecondary struct {
		ID   int64
		Tags orm.Many[Tag] `orm:"secondary:missing_table"`
	}
	pointerVersion struct {
		ID      int64
		Version *int `orm:"version"`
	}
)

func TestModelDeclarationErrors(t *testing.T) {
	tests := []struct {
		name  string
		model any
		field string
		want  string
	}{
		{"unknown lazy strategy", badRelOption{}, "", "unknown lazy strategy"},
		{"ambiguous foreign keys", twoKeys{}, "Related", "name one with foreign_key"},
		{"no foreign key", noKey{}, "Related", "no foreign key"},
		{"unregistered association table", noSecondary{}, "Tags", "missing_table"},
		{"pointer version column", pointerVersion{}, "", "version column"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tbl, err := orm.TableOf(tt.model)
			if tt.field != "" && err == nil {
				err = tbl.Relation(tt.field).Err()
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v; want one containing %q", err, tt.want)
			}
		})
	}
}

func TestRelationOnDeleteReachesDDL(t *testing.T) {
	md := orm.NewMetaData()
	must(t, md.Register(User{}, Post{}))
	stmts, err := md.CreateSQL("postgresql")
	must(t, err)
	if !strings.Contains(strings.Join(stmts, "\n"), "ON DELETE CASCADE") {
		t.Errorf("DDL lacks the foreign key's ON DELETE CASCADE:\n%s", strings.Join(stmts, "\n"))
	}
}

// Two keys of two columns from one table to another: foreign_key lists
// the columns of each (SQLAlchemy's foreign_keys=[...]).
type (
	hintVersion struct {
		Doc    int64              `orm:"pk;no_autoincrement"`
		N      int64              `orm:"pk;no_autoincrement"`
		ANotes orm.Many[hintNote] `orm:"foreign_key:ADoc,AN;back_populates:A"`
		BNotes orm.Many[hintNote] `orm:"foreign_key:b_doc, b_n;back_populates:B"`
	}
	hintNote struct {
		ID   int64
		ADoc int64                `orm:"column:a_doc"`
		AN   int64                `orm:"column:a_n"`
		BDoc int64                `orm:"column:b_doc"`
		BN   int64                `orm:"column:b_n"`
		A    orm.One[hintVersion] `orm:"foreign_key:AN,ADoc;back_populates:ANotes"`
		B    orm.One[hintVersion] `orm:"foreign_key:BDoc,BN;back_populates:BNotes"`
		Bad  orm.One[hintVersion] `orm:"foreign_key:ADoc"`
	}
)

// hintItem references itself through a key of two columns.
type hintItem struct {
	Doc       int64              `orm:"pk;no_autoincrement"`
	N         int64              `orm:"pk;no_autoincrement"`
	ParentDoc *int64             `orm:"column:parent_doc"`
	ParentN   *int64             `orm:"column:parent_n"`
	Parent    orm.One[hintItem]  `orm:"foreign_key:ParentDoc,ParentN;back_populates:Children"`
	Children  orm.Many[hintItem] `orm:"foreign_key:ParentDoc,ParentN;back_populates:Parent"`
}

func (hintItem) TableOptions() orm.TableOptions {
	return orm.TableOptions{ForeignKeys: []orm.ForeignKey{
		{Columns: []string{"parent_doc", "parent_n"}, RefTable: "hint_item", RefColumns: []string{"doc", "n"}},
	}}
}

func (hintNote) TableOptions() orm.TableOptions {
	return orm.TableOptions{ForeignKeys: []orm.ForeignKey{
		{Columns: []string{"a_doc", "a_n"}, RefTable: "hint_version", RefColumns: []string{"doc", "n"}},
		{Columns: []string{"b_doc", "b_n"}, RefTable: "hint_version", RefColumns: []string{"doc", "n"}},
	}}
}

func TestForeignKeyHintOfSeveralColumns(t *testing.T) {
	md := orm.NewMetaData()
	must(t, md.Register(hintVersion{}, hintNote{}, hintItem{}))
	for _, tt := range []struct {
		name         string
		model        any
		field        string
		kind         orm.RelationKind
		back, errMsg string
	}{
		{"to-one names both columns in any order", hintNote{}, "A", orm.ManyToOne, "ANotes", ""},
		{"second key", hintNote{}, "B", orm.ManyToOne, "BNotes", ""},
		{"collection names the child's fields", hintVersion{}, "ANotes", orm.OneToMany, "A", ""},
		{"collection names the child's columns", hintVersion{}, "BNotes", orm.OneToMany, "B", ""},
		{"self-reference to-one", hintItem{}, "Parent", orm.ManyToOne, "Children", ""},
		{"self-reference collection", hintItem{}, "Children", orm.OneToMany, "Parent", ""},
		{"one column of a key of two names no key", hintNote{}, "Bad", 0, "", `no foreign key from hint_note to hint_version on column "ADoc"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tbl, err := orm.TableOf(tt.model)
			must(t, err)
			r := tbl.Relation(tt.field)
			if tt.errMsg != "" {
				if err := r.Err(); err == nil || !strings.Contains(err.Error(), tt.errMsg) {
					t.Fatalf("error %v, want %q", err, tt.errMsg)
				}
				return
			}
			if r.Kind() != tt.kind {
				t.Fatalf("kind %v (%v), want %v", r.Kind(), r.Err(), tt.kind)
			}
			if b := r.Back(); b == nil || b.Name != tt.back {
				t.Errorf("back-reference %v, want %s", b, tt.back)
			}
		})
	}
}
