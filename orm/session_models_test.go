package orm_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// The blog models of docs/orm-session.md.
type (
	User struct {
		ID      int64
		Name    string           `orm:"size:50;unique"`
		Active  bool             `orm:"server_default:true"`
		Posts   orm.Many[Post]   `orm:"back_populates:Author;cascade:all,delete-orphan;order_by:id"`
		Profile orm.One[Profile] `orm:"cascade:all"`
	}
	Profile struct {
		ID     int64
		UserID int64  `orm:"fk:user.id;ondelete:CASCADE;unique"`
		Bio    string `orm:"size:100"`
	}
	Post struct {
		ID       int64
		AuthorID *int64 `orm:"fk:user.id;ondelete:CASCADE"`
		Title    string `orm:"size:100"`
		Views    int
		Author   orm.One[User] `orm:"back_populates:Posts"`
		Tags     orm.Many[Tag] `orm:"secondary:post_tag;order_by:name"`
	}
	Tag struct {
		ID    int64
		Name  string         `orm:"size:30;unique"`
		Posts orm.Many[Post] `orm:"secondary:post_tag"`
	}
	PostTag struct {
		PostID int64 `orm:"pk;fk:post.id;ondelete:CASCADE"`
		TagID  int64 `orm:"pk;fk:tag.id;ondelete:CASCADE"`
	}
	// Node is a self-referential tree.
	Node struct {
		ID       int64
		ParentID *int64         `orm:"fk:node.id"`
		Name     string         `orm:"size:20"`
		Parent   orm.One[Node]  `orm:"foreign_key:ParentID"`
		Children orm.Many[Node] `orm:"foreign_key:ParentID;order_by:name;cascade:all"`
	}
	// Article has a version column for optimistic locking.
	Article struct {
		ID      int64
		Body    string `orm:"size:100"`
		Version int    `orm:"version"`
	}
)

// Widget and Entry reference each other (SQLAlchemy's post_update example).
type (
	Widget struct {
		ID              int64
		Name            string          `orm:"size:20"`
		FavoriteEntryID *int64          `orm:"fk:entry.id"`
		Favorite        orm.One[Entry]  `orm:"foreign_key:FavoriteEntryID;post_update"`
		Entries         orm.Many[Entry] `orm:"foreign_key:WidgetID"`
	}
	Entry struct {
		ID       int64
		Name     string `orm:"size:20"`
		WidgetID *int64 `orm:"fk:widget.id"`
	}
)

// blogDB opens db and creates the blog tables.
func blogDB(t testing.TB, db dbtest.DB) *orm.DB {
	t.Helper()
	e := openDB(t, db)
	md := orm.NewMetaData()
	if err := md.Register(User{}, Profile{}, Post{}, Tag{}, PostTag{}, Node{}, Article{}); err != nil {
		t.Fatal(err)
	}
	if err := md.CreateAll(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	return e
}

// stmtLog records the SQL an engine runs.
type stmtLog struct {
	mu   sync.Mutex
	stmt []string
}

// record starts recording e's statements.
func record(t testing.TB, e *orm.DB) *stmtLog {
	l := &stmtLog{}
	remove := e.OnStatement(func(ev orm.StatementEvent) {
		l.mu.Lock()
		l.stmt = append(l.stmt, ev.SQL)
		l.mu.Unlock()
	})
	t.Cleanup(remove)
	return l
}

// reset forgets recorded statements.
func (l *stmtLog) reset() {
	l.mu.Lock()
	l.stmt = nil
	l.mu.Unlock()
}

// count returns how many statements start with verb (SELECT, INSERT...).
func (l *stmtLog) count(verb string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, s := range l.stmt {
		if strings.HasPrefix(s, verb) {
			n++
		}
	}
	return n
}

// matching returns recorded statements containing sub.
func (l *stmtLog) matching(sub string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, s := range l.stmt {
		if strings.Contains(s, sub) {
			out = append(out, s)
		}
	}
	return out
}

// seedBlog commits ann (posts p1 [go, db], p2 [go]) and bob (no posts).
func seedBlog(t testing.TB, e *orm.DB) {
	t.Helper()
	ctx := context.Background()
	s := orm.NewSession(e)
	goTag, dbTag := &Tag{Name: "go"}, &Tag{Name: "db"}
	ann := &User{Name: "ann", Active: true, Posts: orm.ManyOf(&Post{Title: "p1", Tags: orm.ManyOf(goTag, dbTag)},
		&Post{Title: "p2", Tags: orm.ManyOf(goTag)})}
	if err := s.AddAll(ann, &User{Name: "bob", Active: true}); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(ctx); err != nil {
		t.Fatal(err)
	}
}

// must fails the test on error.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// seededSession opens the blog database with its seed rows and a session
// on it, closed when the test ends.
func seededSession(t testing.TB, db dbtest.DB) (context.Context, *orm.DB, *orm.Session) {
	t.Helper()
	ctx := context.Background()
	e := blogDB(t, db)
	seedBlog(t, e)
	s := orm.NewSession(e)
	t.Cleanup(func() { s.Close(ctx) })
	return ctx, e, s
}
