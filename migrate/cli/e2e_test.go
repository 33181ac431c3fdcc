package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
)

// The tutorial program, built in a temporary module that replaces
// flagon with this repository. STAGE=2 adds the price column.
const mainBefore = `package main

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

type ProductV2 struct {
	ID    int    ` + "`orm:\"pk\"`" + `
	Name  string ` + "`orm:\"size:100\"`" + `
	Price *int
}

func (ProductV2) TableName() string { return "product" }

func main() {
	md := orm.NewMetaData()
	var model any = Product{}
	if os.Getenv("STAGE") >= "2" {
		model = ProductV2{}
	}
	if err := md.Register(model); err != nil {
		panic(err)
	}
	cfg := cli.Config{MetaData: md, URL: os.Getenv("DATABASE_URL")}
	REVISIONS
	cmd := cli.Command(cfg)
	cmd.SetArgs(os.Args[1:])
	if err := cmd.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "Error:", err)
		os.Exit(1)
	}
}
`

// program is the temporary module.
type program struct {
	t        *testing.T
	dir, bin string
	env      []string
}

// newProgram writes the module (without the versions package yet).
func newProgram(t *testing.T, url string) *program {
	root, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		t.Fatalf("go list -m: %v", err)
	}
	p := &program{t: t, dir: t.TempDir()}
	p.bin = filepath.Join(p.dir, "app")
	sum, _ := os.ReadFile(filepath.Join(strings.TrimSpace(string(root)), "go.sum"))
	mod := "module example.com/app\n\ngo 1.26\n\nrequire github.com/flagon-go/flagon v0.0.0\n\nreplace github.com/flagon-go/flagon => " + strings.TrimSpace(string(root)) + "\n"
	p.write("go.mod", mod)
	p.write("go.sum", string(sum))
	p.env = append(os.Environ(), "DATABASE_URL="+url, "GOFLAGS=-mod=mod")
	return p
}

func (p *program) write(name, content string) {
	if err := os.WriteFile(filepath.Join(p.dir, name), []byte(content), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// source writes main.go, with or without the versions package.
func (p *program) source(withVersions bool) {
	imp, revs := "", ""
	if withVersions {
		imp, revs = `"example.com/app/migrations/versions"`, "cfg.Revisions = versions.All"
	}
	p.write("main.go", strings.NewReplacer("VERSIONS_IMPORT", imp, "REVISIONS", revs).Replace(mainBefore))
}

// build compiles the program.
func (p *program) build() {
	p.t.Helper()
	c := exec.Command("go", "build", "-o", p.bin, ".")
	c.Dir, c.Env = p.dir, p.env
	if out, err := c.CombinedOutput(); err != nil {
		p.t.Fatalf("go build: %v\n%s", err, out)
	}
}

// db runs "app db ..." and returns its combined output.
func (p *program) db(stage string, wantErr bool, args ...string) string {
	p.t.Helper()
	c := exec.Command(p.bin, append([]string{}, args...)...)
	c.Dir, c.Env = p.dir, append(p.env, "STAGE="+stage)
	out, err := c.CombinedOutput()
	if (err != nil) != wantErr {
		p.t.Fatalf("app %s: err = %v, want error %v\n%s", strings.Join(args, " "), err, wantErr, out)
	}
	return string(out)
}

// TestEndToEnd builds a real program, generates revisions with it and
// rebuilds it, as a user does.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs")
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		p := newProgram(t, db.URL)
		p.source(false)
		p.build()
		contains(t, p.db("1", false, "init"), "Creating directory migrations ...  done")
		p.source(true)
		p.build()
		contains(t, p.db("1", false, "migrate", "-m", "initial migration"), "Detected added table 'product'")
		contains(t, p.db("1", true, "upgrade"), "has revisions this program was not built with")
		p.build()
		contains(t, p.db("1", false, "upgrade"), "Running upgrade  -> ")
		a := &app{t: t, url: db.URL}
		sdb := a.open()
		if _, err := sdb.Exec("INSERT INTO product (name) VALUES ('Chair'), ('Table'), ('Lamp')"); err != nil {
			t.Fatal(err)
		}
		contains(t, p.db("1", false, "migrate", "-m", "nothing changed"), "No changes in schema detected.")
		contains(t, p.db("2", false, "migrate", "-m", "add price column"), "Detected added column 'product.price'")
		p.build()
		contains(t, p.db("2", false, "upgrade"), ", add price column")
		a.rows(sdb, "1|Chair|NULL", "2|Table|NULL", "3|Lamp|NULL")
		contains(t, p.db("2", false, "history"), "(head), add price column\n<base> -> ")
		contains(t, p.db("2", false, "downgrade"), "Running downgrade ")
		a.rows(sdb, "1|Chair", "2|Table", "3|Lamp")
		contains(t, p.db("2", false, "upgrade"), ", add price column")
		a.rows(sdb, "1|Chair|NULL", "2|Table|NULL", "3|Lamp|NULL")
	})
}
