package modelgen_test

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate/modelgen"
	"github.com/flagon-go/flagon/orm"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with a golden file, or rewrites it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		_ = os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run go test -update): %v", err)
	}
	if string(want) != got {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// createSchema runs testdata/schema/<dialect>.sql on a fresh database.
func createSchema(t *testing.T, db dbtest.DB) *orm.DB {
	t.Helper()
	o, err := orm.Open(db.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	src, err := os.ReadFile(filepath.Join("testdata", "schema", db.Name+".sql"))
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range strings.Split(string(src), ";\n") {
		if strings.TrimSpace(stmt) == "" {
			continue
		}
		if _, err := o.SQL().ExecContext(context.Background(), stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	return o
}

// roundTripMain registers the generated models, checks that every
// relationship resolves and that autogenerate finds no change.
const roundTripMain = `package main

import (
	"context"
	"fmt"
	"os"

	"github.com/flagon-go/flagon/migrate/autogen"
	"github.com/flagon-go/flagon/orm"
)

func main() {
	ctx := context.Background()
	db, err := orm.Open(os.Args[1])
	if err != nil {
		fail(err)
	}
	defer db.Close()
	md := orm.NewMetaData()
	if err := Register(md); err != nil {
		fail(err)
	}
	for _, t := range md.Tables() {
		for _, r := range t.Relations() {
			if err := r.Err(); err != nil {
				fail(err)
			}
		}
	}
	res, err := autogen.CompareDB(ctx, db.SQL(), md, autogen.Options{Dialect: db.Dialect().Name()})
	if err != nil {
		fail(err)
	}
	for _, d := range res.Detected {
		fmt.Println(d)
	}
	if !res.Empty() {
		os.Exit(1)
	}
	if err := useModels(ctx, db); err != nil {
		fail(err)
	}
	if err := customValues(ctx, db); err != nil {
		fail(err)
	}
}

// useCompositeKeys writes a diff between two revisions through the two
// relationships of its two keys of two columns to revision, and reads
// them back from both sides.
func useCompositeKeys(ctx context.Context, db *orm.DB) error {
	s := orm.NewSession(db)
	defer s.Close(ctx)
	old, cur := &Revision{DocID: 1, Rev: 1, Body: "one"}, &Revision{DocID: 1, Rev: 2, Body: "two"}
	if err := s.Add(&Diff{Revision: orm.OneOf(cur), Revision2: orm.OneOf(old)}); err != nil {
		return err
	}
	if err := s.Commit(ctx); err != nil {
		return err
	}
	diffs, err := orm.Select[Diff](db).Options(orm.JoinedLoad("Revision"), orm.SelectInLoad("Revision2")).All(ctx)
	if err != nil {
		return err
	}
	if len(diffs) != 1 || diffs[0].NewRev != 2 || diffs[0].OldRev != 1 ||
		diffs[0].Revision.Get().Body != "two" || diffs[0].Revision2.Get().Body != "one" {
		return fmt.Errorf("read back diffs %+v", diffs)
	}
	revs, err := orm.Select[Revision](db).OrderBy("rev").Options(orm.SelectInLoad("OldDocOldRevDiffs"), orm.SelectInLoad("NewDocNewRevDiffs")).All(ctx)
	if err != nil {
		return err
	}
	if len(revs) != 2 || revs[0].OldDocOldRevDiffs.Len() != 1 || revs[0].NewDocNewRevDiffs.Len() != 0 ||
		revs[1].OldDocOldRevDiffs.Len() != 0 || revs[1].NewDocNewRevDiffs.Len() != 1 {
		return fmt.Errorf("read back revisions %+v", revs)
	}
	return nil
}

// useModels writes a user, a post by them with a tag and a sample row,
// and reads them back through the relationships.
func useModels(ctx context.Context, db *orm.DB) error {
	s := orm.NewSession(db)
	defer s.Close(ctx)
	ann := &User{Username: "ann", Password: "secret"}
	post := &Post{Title: "Hello", Body: "First post", Author: orm.OneOf(ann), Tags: orm.ManyOf(&Tag{Name: "go"})}
	if err := s.Add(post); err != nil {
		return err
	}
	if err := s.Add(&Sample{Big: 7, Flag: true}); err != nil {
		return err
	}
	if err := s.Commit(ctx); err != nil {
		return err
	}
	posts, err := orm.Select[Post](db).Options(orm.JoinedLoad("Author"), orm.SelectInLoad("Tags")).All(ctx)
	if err != nil {
		return err
	}
	if len(posts) != 1 || posts[0].Created.IsZero() || posts[0].Author.Get().Username != "ann" ||
		posts[0].Tags.Len() != 1 || posts[0].Tags.Items()[0].Name != "go" {
		return fmt.Errorf("read back %+v", posts)
	}
	users, err := orm.Select[User](db).Options(orm.SelectInLoad("AuthorPosts")).All(ctx)
	if err != nil {
		return err
	}
	if len(users) != 1 || users[0].AuthorPosts.Len() != 1 {
		return fmt.Errorf("read back users %+v", users)
	}
	if err := useCompositeKeys(ctx, db); err != nil {
		return err
	}
	samples, err := orm.Select[Sample](db).All(ctx)
	if err != nil {
		return err
	}
	if len(samples) != 1 || samples[0].Big != 7 || !samples[0].Flag {
		return fmt.Errorf("read back samples %+v", samples)
	}
	return nil
}

func fail(err error) {
	fmt.Println(err)
	os.Exit(2)
}
`

// roundTrip compiles the generated file with a main package in a
// temporary module that uses this repository (as migrate/cli's end to end
// test does) and runs it against the database.
func roundTrip(t *testing.T, dialect, url string, src []byte) {
	t.Helper()
	root, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		t.Skipf("go list -m: %v", err)
	}
	repo := strings.TrimSpace(string(root))
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/reflected\n\ngo 1.26\n\nrequire github.com/flagon-go/flagon v0.0.0\n\n" +
			"replace github.com/flagon-go/flagon => " + repo + "\n",
		"go.sum": string(sum), "models.go": string(src), "main.go": roundTripMain, "custom.go": customValues[dialect],
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "run", ".", url)
	cmd.Dir, cmd.Env = dir, append(os.Environ(), "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("round trip: %v\n%s", err, out)
	}
}

func TestReflectRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the generated models")
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		o := createSchema(t, db)
		res, err := modelgen.Generate(context.Background(), o.SQL(), modelgen.Options{Dialect: db.Name, Package: "main"})
		if err != nil {
			t.Fatal(err)
		}
		golden(t, filepath.Join("testdata", "golden", db.Name+".go.golden"), string(res.Source))
		golden(t, filepath.Join("testdata", "golden", db.Name+".warnings"), strings.Join(res.Warnings, "\n")+"\n")
		roundTrip(t, db.Name, db.URL, res.Source)
	})
}

// customValues writes and reads back a row through the generated custom
// column types of each dialect (they are part of the golden files).
var customValues = map[string]string{
	"sqlite": `package main

import (
	"context"
	"fmt"
	"time"

	"github.com/flagon-go/flagon/orm"
)

func customValues(ctx context.Context, db *orm.DB) error {
	code, score, geom := Char8("abcdefgh"), Float(1.5), Point("POINT(1 2)")
	stamp := Timestamp{time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	in := &Sample{Big: 1, Code: &code, Score: &score, Geom: &geom, Stamp: &stamp}
	if err := orm.Insert(ctx, db, in); err != nil {
		return err
	}
	out, err := orm.Get[Sample](ctx, db, in.ID)
	if err != nil {
		return err
	}
	if *out.Code != code || *out.Score != score || *out.Geom != geom || !out.Stamp.Equal(stamp.Time) {
		return fmt.Errorf("custom values read back as %+v", out)
	}
	return nil
}
`,
	"postgresql": `package main

import (
	"context"
	"fmt"
	"time"

	"github.com/flagon-go/flagon/orm"
)

func customValues(ctx context.Context, db *orm.DB) error {
	code, score, docb, tags := Character8("abcdefgh"), Real(1.5), Jsonb(` + "`" + `{"a": 1}` + "`" + `), TextArray(` + "`" + `{x,y}` + "`" + `)
	stamp := Timestamp0{time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	tt := Timetz("12:34:56+02")
	in := &Sample{Big: 1, Code: &code, Score: &score, Docb: &docb, Stamp: &stamp, Tags: &tags, Tt: &tt}
	if err := orm.Insert(ctx, db, in); err != nil {
		return err
	}
	out, err := orm.Get[Sample](ctx, db, in.ID)
	if err != nil {
		return err
	}
	if *out.Code != code || *out.Score != score || *out.Docb != docb || !out.Stamp.Equal(stamp.Time) || *out.Tags != tags || *out.Tt != tt {
		return fmt.Errorf("custom values read back as %+v", out)
	}
	return nil
}
`,
	"mysql": `package main

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/flagon-go/flagon/orm"
)

func customValues(ctx context.Context, db *orm.DB) error {
	tiny, code, note, score, at := Tinyint(7), Char8("abcdefgh"), Text("hello"), Float(1.5), Time("12:34:56")
	created := Datetime{time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	stamp := Timestamp{time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	data, uid, level, yr := Blob("xyz"), Char36("0b6f6ac4-2d5e-4a43-9f2a-3e7d2f1f0b11"), Mediumint(42), Year4(2026)
	in := &Sample{Big: 1, Tiny: &tiny, Code: &code, Note: &note, Score: &score, AtTime: &at, CreatedAt: &created,
		Stamp: &stamp, Data: &data, Uid: &uid, Level: &level, Yr: &yr}
	if err := orm.Insert(ctx, db, in); err != nil {
		return err
	}
	out, err := orm.Get[Sample](ctx, db, in.ID)
	if err != nil {
		return err
	}
	if *out.Tiny != tiny || *out.Code != code || *out.Note != note || *out.Score != score || *out.AtTime != at ||
		!out.CreatedAt.Equal(created.Time) || !out.Stamp.Equal(stamp.Time) || !bytes.Equal(*out.Data, data) ||
		*out.Uid != uid || *out.Level != level || *out.Yr != yr {
		return fmt.Errorf("custom values read back as %+v", out)
	}
	return nil
}
`,
}
