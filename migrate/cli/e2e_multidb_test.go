package cli_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
)

// multidbMain is a program with a default database and a "users" bind.
const multidbMain = `package main

import (
	"fmt"
	"os"

	"github.com/flagon-go/flagon/migrate/cli"
	"github.com/flagon-go/flagon/orm"
	VERSIONS_IMPORT
)

type Product struct {
	ID   int    ` + "`orm:\"pk\"`" + `
	Name string ` + "`orm:\"size:100\"`" + `
}

type Account struct {
	ID    int    ` + "`orm:\"pk\"`" + `
	Email string ` + "`orm:\"size:200\"`" + `
}

func main() {
	md, users := orm.NewMetaData(), orm.NewMetaData()
	if err := md.Register(Product{}); err != nil {
		panic(err)
	}
	if err := users.Register(Account{}); err != nil {
		panic(err)
	}
	cfg := cli.Config{MetaData: md, URL: os.Getenv("DATABASE_URL"),
		Binds: []cli.Bind{{Name: "users", MetaData: users, URL: os.Getenv("USERS_URL")}}}
	REVISIONS
	cmd := cli.Command(cfg)
	cmd.SetArgs(os.Args[1:])
	if err := cmd.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "Error:", err)
		os.Exit(1)
	}
}
`

// TestEndToEndMultiDB builds a real two-database program, generates a
// multi-database revision with it, rebuilds it and upgrades both databases.
func TestEndToEndMultiDB(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs")
	}
	usersDB := dbtest.SQLite(t)
	p := newProgram(t, dbtest.SQLite(t).URL)
	p.env = append(p.env, "USERS_URL="+usersDB.URL)
	source := func(withVersions bool) {
		imp, revs := "", ""
		if withVersions {
			imp, revs = `"example.com/app/migrations/versions"`, "cfg.Revisions = versions.All"
		}
		p.write("main.go", strings.NewReplacer("VERSIONS_IMPORT", imp, "REVISIONS", revs).Replace(multidbMain))
	}
	source(false)
	p.build()
	contains(t, p.db("1", false, "init", "--multidb"), "multidb.txt ...  done")
	source(true)
	p.build()
	out := p.db("1", false, "migrate", "-m", "initial migration")
	contains(t, out, "Migrating database users")
	contains(t, out, "Detected added table 'account'")
	p.build()
	out = p.db("1", false, "upgrade")
	if strings.Count(out, "Running upgrade  -> ") != 2 {
		t.Errorf("upgrade did not run on both databases:\n%s", out)
	}
	contains(t, p.db("1", false, "current"), "users: ")
	contains(t, p.db("1", false, "check"), "No new upgrade operations detected.")
	contains(t, p.db("1", false, "downgrade", "base"), "Running downgrade ")
	a := &multiApp{app: app{t: t}, urls: map[string]string{"users": usersDB.URL}}
	if got := a.tables("users"); len(got) != 1 || got[0] != "alembic_version" {
		t.Errorf("users tables after downgrade = %v", got)
	}
}
