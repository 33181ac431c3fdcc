package cli_test

// Ports of Flask-Migrate's tests/test_migrate.py.

import (
	"path/filepath"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
)

// The models of Flask-Migrate's app_compare_type1.py and 2.
type userName128 struct {
	ID   int    `orm:"pk"`
	Name string `orm:"size:128"`
}

func (userName128) TableName() string { return "user" }

type userName10 struct {
	ID   int    `orm:"pk"`
	Name string `orm:"size:10"`
}

func (userName10) TableName() string { return "user" }

// TestFlaskMigrate ports test_migrate_upgrade and test_compare_type.
func TestFlaskMigrate(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		a := newApp(t, db)
		a.times = append(a.times, a.times...)
		a.must("init")
		a.models.set(t, userName128{})
		out := a.must("migrate", "-m", "create models", "--rev-id", "0001")
		contains(t, out, filepath.Join("versions", "0001_create_models.go"))
		a.rebuild()
		// the rebuilt revision has no body: give it the generated one's
		a.revs[0].Upgrade = func(op *migrate.Op) error {
			op.CreateTable(migrate.Table{Name: "user", PrimaryKey: []string{"id"}, Columns: []migrate.Column{
				{Name: "id", Type: migrate.Integer(), Autoincrement: true},
				{Name: "name", Type: migrate.String(128)},
			}})
			return nil
		}
		a.must("upgrade")
		a.models.set(t, userName10{})
		out = a.must("migrate", "-m", "shorten User name column", "--rev-id", "0002")
		contains(t, out, filepath.Join("versions", "0002_shorten_user_name_column.go"))
		contains(t, out, "Detected type change from VARCHAR(length=128) to String(length=10) on 'user.name'")
	})
}
