package orm_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon/orm"
)

// Models with bad inheritance declarations, one problem each.
type (
	noDiscBase struct{ ID int64 }
	noDiscSub  struct {
		noDiscBase `orm:"inherits;identity:sub"`
	}
	noIdentitySub struct {
		SEmployee `orm:"inherits"`
	}
	duplicateIdentity struct {
		SEmployee `orm:"inherits;identity:manager"`
	}
	badMode struct {
		SEmployee `orm:"inherits:concrete;identity:c"`
	}
	mixedModes struct {
		SEmployee `orm:"inherits:joined;identity:mixed"`
	}
	twoDiscriminators struct {
		ID   int64
		Kind string `orm:"discriminator"`
		Sort string `orm:"discriminator"`
	}
	pointerParent struct {
		*SEmployee `orm:"inherits;identity:ptr"`
	}
	conflictingColumn struct {
		SEmployee   `orm:"inherits;identity:conflict"`
		ManagerData int64
	}
)

// TestInheritanceRegistrationErrors: a bad declaration is refused when the
// model is registered, with an error naming the problem (SQLAlchemy's
// mapper configuration errors).
func TestInheritanceRegistrationErrors(t *testing.T) {
	md := orm.NewMetaData()
	must(t, md.Register(singleModels...)) // the hierarchy the bad subtypes join
	cases := []struct {
		name  string
		model any
		want  string
	}{
		{"unknown base: no discriminator", noDiscSub{}, "inherits orm_test.noDiscBase, which has no field tagged discriminator"},
		{"missing identity", noIdentitySub{}, "inherits needs identity:NAME"},
		{"test_duplicate_identity", duplicateIdentity{}, `polymorphic identity "manager" is already used by orm_test.SManager`},
		{"unknown mode", badMode{}, "inherits:concrete: the mode must be single or joined"},
		{"mixing single and joined", mixedModes{}, "inherits:joined in a hierarchy of single-table inheritance"},
		{"two discriminators", twoDiscriminators{}, "columns kind and sort are both tagged discriminator"},
		{"pointer parent", pointerParent{}, "field SEmployee: inherits needs an embedded struct, not *orm_test.SEmployee"},
		{"column type conflict in the shared table", conflictingColumn{}, "column manager_data is biginteger here and string in another model of table employees"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := orm.NewMetaData().Register(tc.model)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}
