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
		{Post{}, "Author", orm.ManyToOne, "user", orm.CascadeSaveUpdate, "Posts"},
		{User{}, "Posts", orm.OneToMany, "post", orm.CascadeAll | orm.CascadeDeleteOrphan, "Author"},
		{User{}, "Profile", orm.OneToOne, "profile", orm.CascadeAll, ""},
		{Post{}, "Tags", orm.ManyToMany, "tag", orm.CascadeSaveUpdate, "Posts"},
		{Node{}, "Parent", orm.ManyToOne, "node", orm.CascadeSaveUpdate, "Children"},
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
