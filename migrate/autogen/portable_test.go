package autogen_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate/autogen"
	"github.com/flagon-go/flagon/migrate/autogen/internal/enumv2"
)

// Models of the portability corpus: every kind of change a schema goes
// through, one version per step. Keys are int64, as in most Go models.

type author1 struct {
	ID   int64  `orm:"pk"`
	Name string `orm:"size:100"`
	Code string `orm:"size:10"`
}

func (author1) TableName() string { return "author" }

type post1 struct {
	ID       int64  `orm:"pk"`
	AuthorID int64  `orm:"fk:author.id"`
	Title    string `orm:"size:100"`
	Body     string `orm:"type:text"`
	Status   status
}

func (post1) TableName() string { return "post" }

type tag1 struct {
	ID   int64  `orm:"pk"`
	Name string `orm:"size:50"`
}

func (tag1) TableName() string { return "tag" }

// postTag1 is a many-to-many association table: a composite key of two
// foreign keys.
type postTag1 struct {
	PostID int64 `orm:"pk;no_autoincrement;fk:post.id;ondelete:CASCADE"`
	TagID  int64 `orm:"pk;no_autoincrement;fk:tag.id;ondelete:CASCADE"`
}

func (postTag1) TableName() string { return "post_tag" }

// Step 2: added columns (nullable, and NOT NULL with a server default),
// a wider string, an index, a unique constraint, a check, an enum value.
type author2 struct {
	ID   int64  `orm:"pk"`
	Name string `orm:"size:200"`
	Code string `orm:"size:10"`
}

func (author2) TableName() string { return "author" }

type post2 struct {
	ID       int64  `orm:"pk"`
	AuthorID int64  `orm:"fk:author.id"`
	Title    string `orm:"size:100;index;check:title <> ''"`
	Body     string `orm:"type:text"`
	Status   enumv2.Status
	Summary  *string   `orm:"size:200"`
	Views    int       `orm:"server_default:0"`
	Created  time.Time `orm:"server_default:now()"`
}

func (post2) TableName() string { return "post" }

type tag2 struct {
	ID   int64  `orm:"pk"`
	Name string `orm:"size:50;unique"`
}

func (tag2) TableName() string { return "tag" }

// Step 3: the referenced table author is renamed writer, a NOT NULL column
// without default is dropped, a string becomes an integer (a cast), an
// enum column is added (and dropped at step 4).
type writer3 struct {
	ID   int64  `orm:"pk"`
	Name string `orm:"size:200"`
	Code int
	Mood *mood
}

// mood is an enum type of writer3.
type mood string

func (mood) Values() []string { return []string{"calm", "busy"} }

func (writer3) TableName() string { return "writer" }

// writer4 drops the enum column.
type writer4 struct {
	ID   int64  `orm:"pk"`
	Name string `orm:"size:200"`
	Code int
}

func (writer4) TableName() string { return "writer" }

type post3 struct {
	ID       int64  `orm:"pk"`
	AuthorID int64  `orm:"fk:writer.id"`
	Title    string `orm:"size:100;index;check:title <> ''"`
	Status   enumv2.Status
	Summary  *string   `orm:"size:200"`
	Views    int       `orm:"server_default:0"`
	Created  time.Time `orm:"server_default:now()"`
}

func (post3) TableName() string { return "post" }

// Step 4: a renamed column, a narrower string, an enum value removed and
// its column made nullable, an integer widened with a changed server
// default, a dropped association table and the table it references.
type post4 struct {
	ID       int64  `orm:"pk"`
	AuthorID int64  `orm:"fk:writer.id"`
	Headline string `orm:"size:100;index;check:headline <> ''"`
	Status   *status
	Summary  *string   `orm:"size:150"`
	Views    int64     `orm:"server_default:1"`
	Created  time.Time `orm:"server_default:now()"`
}

func (post4) TableName() string { return "post" }

// edition1 has a one-column key that becomes composite in edition2.
type edition1 struct {
	Book int64 `orm:"pk;no_autoincrement"`
	Year int
}

func (edition1) TableName() string { return "edition" }

type edition2 struct {
	Book int64 `orm:"pk;no_autoincrement"`
	Year int   `orm:"pk;no_autoincrement"`
}

func (edition2) TableName() string { return "edition" }

// portableStep is one version of the corpus models.
type portableStep struct {
	models []any
	opts   autogen.Options
	// rows checks that the rows inserted at step 1 are kept.
	rows string
	// relaxed lists what a downgrade to the previous step leaves different
	// from its models, by design.
	relaxed []string
}

var portableSteps = []portableStep{
	{models: []any{author1{}, post1{}, tag1{}, postTag1{}, edition1{}},
		rows: "SELECT a.name || '/' || p.title FROM author a JOIN post p ON p.author_id = a.id JOIN post_tag pt ON pt.post_id = p.id"},
	{models: []any{author2{}, post2{}, tag2{}, postTag1{}, edition2{}},
		rows: "SELECT a.name || '/' || p.title FROM author a JOIN post p ON p.author_id = a.id JOIN post_tag pt ON pt.post_id = p.id"},
	{models: []any{writer3{}, post3{}, tag2{}, postTag1{}, edition2{}},
		opts: autogen.Options{Renames: &autogen.Renamer{Explicit: map[string]string{"author": "writer"}}},
		rows: "SELECT a.name || '/' || p.title FROM writer a JOIN post p ON p.author_id = a.id WHERE a.code = 42",
		// The dropped body comes back nullable: the table has rows.
		relaxed: []string{"NOT NULL on column 'post.body'"}},
	{models: []any{writer4{}, post4{}, edition2{}},
		opts: autogen.Options{Renames: &autogen.Renamer{Explicit: map[string]string{"post.title": "headline"}}, DropUnknownTables: true},
		rows: "SELECT a.name || '/' || p.headline FROM writer a JOIN post p ON p.author_id = a.id WHERE a.code = 42"},
}

// insertCorpusRows fills the step-1 tables.
func insertCorpusRows(t *testing.T, e *env) {
	t.Helper()
	for _, q := range []string{
		"INSERT INTO author (id, name, code) VALUES (1, 'Ann', '42')",
		"INSERT INTO post (id, author_id, title, body, status) VALUES (1, 1, 'Hello', 'text', 'published')",
		"INSERT INTO tag (id, name) VALUES (1, 'go')",
		"INSERT INTO post_tag (post_id, tag_id) VALUES (1, 1)",
		"INSERT INTO edition (book, year) VALUES (1, 2024)",
	} {
		if _, err := e.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestPortableRevisions generates the corpus's revisions on each database
// and replays them on every other one: upgrade, downgrade and upgrade each
// step, with nothing left to detect against the step's models and the rows
// kept. Revisions must not depend on the database they were made on.
func TestPortableRevisions(t *testing.T) {
	dbs := dbtest.Databases(t)
	if len(dbs) < 2 {
		t.Skip("needs FLAGON_TEST_POSTGRES or FLAGON_TEST_MYSQL")
	}
	for _, src := range dbs {
		results := generateCorpus(t, src)
		for _, dst := range dbtest.Databases(t) {
			if dst.Name == src.Name {
				continue
			}
			t.Run(src.Name+"_to_"+dst.Name, func(t *testing.T) { replayCorpus(t, dst, results) })
		}
	}
}

// generateCorpus autogenerates every step on db, applying each.
func generateCorpus(t *testing.T, db dbtest.DB) []*autogen.Result {
	e := newEnv(t, db)
	var out []*autogen.Result
	for i, st := range portableSteps {
		res := e.compare(metadata(t, st.models...), st.opts)
		render(t, res) // every revision renders
		e.apply(res)
		if i == 0 {
			insertCorpusRows(t, e)
		}
		out = append(out, res)
	}
	return out
}

// replayCorpus runs the revisions on db step by step.
func replayCorpus(t *testing.T, db dbtest.DB, results []*autogen.Result) {
	e := newEnv(t, db)
	for i, res := range results {
		st := portableSteps[i]
		e.apply(res)
		e.expectClean(fmt.Sprintf("step %d after upgrade", i+1), st.models, nil)
		e.migrate(false, "-1")
		if i > 0 {
			e.expectClean(fmt.Sprintf("step %d after downgrade", i+1), portableSteps[i-1].models, st.relaxed)
			e.expectRows(fmt.Sprintf("step %d after downgrade", i+1), portableSteps[i-1].rows)
		}
		e.migrate(true, "head")
		e.expectClean(fmt.Sprintf("step %d after upgrade again", i+1), st.models, nil)
		if i == 0 {
			insertCorpusRows(t, e)
		}
		e.expectRows(fmt.Sprintf("step %d", i+1), st.rows)
	}
}

// expectClean fails when autogenerate still detects a difference (what
// "db check" reports), other than the relaxed ones.
func (e *env) expectClean(when string, models []any, relaxed []string) {
	e.t.Helper()
	res := e.compare(metadata(e.t, models...), autogen.Options{})
	for _, d := range res.Detected {
		if !containsAny(d, relaxed) {
			e.t.Errorf("%s: detected %s", when, d)
		}
	}
}

// expectRows checks that the corpus rows are still there.
func (e *env) expectRows(when, q string) {
	e.t.Helper()
	if e.dialect == "mysql" {
		q = strings.NewReplacer("a.name || '/' || p.title", "CONCAT(a.name, '/', p.title)",
			"a.name || '/' || p.headline", "CONCAT(a.name, '/', p.headline)").Replace(q)
	}
	var got string
	if err := e.db.QueryRow(q).Scan(&got); err != nil || got != "Ann/Hello" {
		e.t.Errorf("%s: %s = %q, %v; want Ann/Hello", when, q, got, err)
	}
}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
