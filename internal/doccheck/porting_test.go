package doccheck

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// receiverTypes are the types behind the receivers the porting table uses.
var receiverTypes = map[string]string{
	"c":          "(*flagon.Ctx)",
	"app":        "(*flagon.App)",
	"app.Config": "(*config.Config)",
	"bp":         "(*flagon.Blueprint)",
	"db":         "(*database.DB)",
	"s":          "(*orm.Session)",
	"q":          "(*orm.SelectQuery[model])",
	"p":          "(*database.Pagination[model])",
	"op":         "(*migrate.Op)",
	"res":        "(*flagontest.Response)",
	"client":     "(*flagontest.Client)",
}

// packages are the flagon packages the table names things in.
var packages = []string{"flagon", "cli", "config", "csrf", "database", "migration",
	"flagontest", "dbtest", "migrate", "orm", "security", "sign"}

var qualified = regexp.MustCompile(`(?:^|[^\w.)])((?:app\.Config)|[a-z]+)\.([A-Z]\w*)`)

// tableNames returns the flagon names of the porting guide's tables: the
// qualified names in the code spans of each row's second column.
func tableNames(page string) []string {
	var names []string
	for _, line := range strings.Split(page, "\n") {
		cells := strings.Split(line, " | ")
		if !strings.HasPrefix(line, "| ") || len(cells) < 3 || strings.HasPrefix(line, "|---") {
			continue
		}
		for _, span := range backticked.FindAllStringSubmatch(cells[1], -1) {
			for _, m := range qualified.FindAllStringSubmatch(span[1], -1) {
				names = append(names, m[1]+"."+m[2])
			}
		}
	}
	return names
}

// want returns the forms under which porting_names.go may refer to name.
func want(name string) []string {
	i := strings.LastIndex(name, ".")
	recv, id := name[:i], name[i+1:]
	if t, ok := receiverTypes[recv]; ok {
		return []string{t + "." + id, recv + "." + id}
	}
	for _, p := range packages {
		if recv == p {
			return []string{p + "." + id}
		}
	}
	return nil
}

var wordEnd = regexp.MustCompile(`^\w`)

// mentions reports whether src has s not followed by a letter or digit.
func mentions(src, s string) bool {
	for i := strings.Index(src, s); i >= 0; {
		if !wordEnd.MatchString(src[i+len(s):]) {
			return true
		}
		j := strings.Index(src[i+1:], s)
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// TestPortingTable checks that every flagon name of docs/porting.md's
// tables is referred to in porting_names.go, which the build compiles: a
// name the table mentions exists.
func TestPortingTable(t *testing.T) {
	root := checkout(t)
	page, err := os.ReadFile(filepath.Join(root, "docs", "porting.md"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(root, "internal", "doccheck", "porting_names.go"))
	if err != nil {
		t.Fatal(err)
	}
	names := tableNames(string(page))
	checked := 0
	for _, name := range names {
		forms := want(name)
		if forms == nil {
			continue // not a flagon name (cobra.Command, embed.FS, versions.All)
		}
		checked++
		found := false
		for _, f := range forms {
			found = found || mentions(string(src), f)
		}
		if !found {
			t.Errorf("docs/porting.md names %s; porting_names.go does not refer to it (as %s)", name, strings.Join(forms, " or "))
		}
	}
	if checked < 100 {
		t.Errorf("checked %d names of the table; the table was not parsed", checked)
	}
}

func TestTableNamesParsesRows(t *testing.T) {
	page := "| Flask | flagon | |\n|---|---|---|\n" +
		"| `abort(404)` | `return flagon.Abort(404)`, `c.Status(404).Text(\"x\")` | `x.Y` |\n" +
		"| `config` | `app.Config.Set(\"X\", v)`, `db.Engine().Session()` | |\n"
	got := strings.Join(tableNames(page), " ")
	if wantNames := "flagon.Abort c.Status app.Config.Set db.Engine"; got != wantNames {
		t.Errorf("tableNames = %q, want %q", got, wantNames)
	}
}
