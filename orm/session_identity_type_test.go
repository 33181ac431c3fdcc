package orm_test

import (
	"context"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestIdentityMapOtherModel: a hand-written query for one model of a
// single-table hierarchy that returns a row the session holds as another
// model fails with an error naming both, instead of returning a nil
// object, whether the held object is expired (reloaded from the row) or
// not.
func TestIdentityMapOtherModel(t *testing.T) {
	const tom = "SELECT employee_id, name, type, '' AS engineer_info FROM employees WHERE name = 'Tom'"
	cases := []struct {
		name string
		run  func(ctx context.Context, s *orm.Session) (*SEngineer, error)
	}{
		{"raw_all", func(ctx context.Context, s *orm.Session) (*SEngineer, error) {
			out, err := orm.Raw[SEngineer](s, tom).All(ctx)
			if len(out) > 0 {
				return out[0], err
			}
			return nil, err
		}},
		{"raw_first", func(ctx context.Context, s *orm.Session) (*SEngineer, error) {
			return orm.Raw[SEngineer](s, tom).First(ctx)
		}},
		{"raw_one", func(ctx context.Context, s *orm.Session) (*SEngineer, error) {
			return orm.Raw[SEngineer](s, tom).One(ctx)
		}},
		{"raw_iter", func(ctx context.Context, s *orm.Session) (*SEngineer, error) {
			for e, err := range orm.Raw[SEngineer](s, tom).Iter(ctx) {
				return e, err
			}
			return nil, nil
		}},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e, _ := singleDB(t, db)
		for _, tc := range cases {
			for _, expired := range []bool{true, false} {
				name := tc.name
				if expired {
					name += "_expired"
				}
				t.Run(name, func(t *testing.T) {
					s := orm.NewSession(e)
					defer s.Close(ctx)
					m, err := orm.Select[SManager](s).FilterBy("Name", "Tom").One(ctx)
					must(t, err)
					if expired {
						s.Expire(m)
					}
					got, err := tc.run(ctx, s)
					if err == nil || !strings.Contains(err.Error(), "SManager") || !strings.Contains(err.Error(), "SEngineer") {
						t.Fatalf("engineer query of a manager's row = %v, %v; want an error naming both models", got, err)
					}
					if got != nil {
						t.Errorf("got object %v with the error, want nil", got)
					}
					if m.ManagerData != "knows how to manage things" {
						t.Errorf("manager's data = %q after the failed query", m.ManagerData)
					}
				})
			}
		}
	})
}

// TestIdentityMapBaseModelRow: a hand-written query for the base model
// returning a row the session holds as a subtype returns the subtype's
// embedded base, expired or not, without reloading it from the base's
// columns.
func TestIdentityMapBaseModelRow(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e, _ := singleDB(t, db)
		for _, expired := range []bool{false, true} {
			t.Run(map[bool]string{false: "loaded", true: "expired"}[expired], func(t *testing.T) {
				s := orm.NewSession(e)
				defer s.Close(ctx)
				m, err := orm.Select[SManager](s).FilterBy("Name", "Tom").One(ctx)
				must(t, err)
				if expired {
					s.Expire(m)
				}
				got, err := orm.Raw[SEmployee](s, "SELECT employee_id, name, type FROM employees WHERE name = 'Tom'").One(ctx)
				must(t, err)
				if got != &m.SEmployee {
					t.Errorf("base query returned %p, want the manager's embedded employee %p", got, &m.SEmployee)
				}
			})
		}
	})
}
