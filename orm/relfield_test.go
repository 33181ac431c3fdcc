package orm_test

import (
	"context"
	"encoding/json"
	"errors"
	"html/template"
	"log/slog"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// notLoadedPanic runs read and returns the *NotLoadedError it panics
// with, or nil when it does not panic.
func notLoadedPanic(t *testing.T, read func()) (got *orm.NotLoadedError) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		err, ok := r.(error)
		if !ok || !errors.As(err, &got) || !errors.Is(err, orm.ErrNotLoaded) {
			t.Fatalf("panic %v (%T); want a *orm.NotLoadedError", r, r)
		}
	}()
	read()
	return nil
}

// wantNamed checks that msg names the relationship and its loader option.
func wantNamed(t *testing.T, what, msg, rel, option string) {
	t.Helper()
	for _, want := range []string{rel + " is not loaded", option} {
		if !strings.Contains(msg, want) {
			t.Errorf("%s: %q does not say %q", what, msg, want)
		}
	}
}

// freshSession returns a session on e, closed when the test ends.
func freshSession(t *testing.T, e *orm.DB) (context.Context, *orm.Session) {
	ctx := context.Background()
	s := orm.NewSession(e)
	t.Cleanup(func() { s.Close(ctx) })
	return ctx, s
}

// postsPage is a template ranging over a user's posts, with an "empty"
// branch that an unloaded collection must never reach.
var postsPage = template.Must(template.New("posts").Parse(
	`{{.Name}}:{{range .Posts.Items}} {{.Title}}{{else}} no posts{{end}}` +
		`{{with .Profile.Get}} bio={{.Bio}}{{end}}`))

// authorLine renders a post's author through the to-one relationship.
var authorLine = template.Must(template.New("author").Parse(`{{.Title}} by {{with .Author.Get}}{{.Name}}{{else}}nobody{{end}}`))

// TestUnloadedRelationshipIsNeverEmpty is issue 14 item 9: a relationship
// that was not loaded never reads as an empty one, in Go code, in
// html/template and in JSON; the failure names the relationship and the
// loader option that loads it. A loaded empty one reads as empty, and a
// new object's relationships are complete.
func TestUnloadedRelationshipIsNeverEmpty(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		_, e, _ := seededSession(t, db)
		t.Run("unloaded collection", func(t *testing.T) { testUnloadedCollection(t, e) })
		t.Run("unloaded to-one", func(t *testing.T) { testUnloadedToOne(t, e) })
		t.Run("loaded empty reads as empty", func(t *testing.T) { testLoadedEmpty(t, e) })
		t.Run("Load fixes it", func(t *testing.T) { testLoadAfterwards(t, e) })
		t.Run("every way of reading rows", func(t *testing.T) { testEveryReadPath(t, e) })
		t.Run("new objects are complete", func(t *testing.T) { testPendingComplete(t, e) })
		t.Run("Refresh unloads", func(t *testing.T) { testRefreshUnloads(t, e) })
		t.Run("a savepoint rollback unloads", func(t *testing.T) { testNestedRollbackUnloads(t, e) })
	})
}

func testUnloadedCollection(t *testing.T, e *orm.DB) {
	ctx, s := freshSession(t, e)
	log := record(t, e)
	ann, err := orm.Select[User](s).FilterBy("Name", "ann").One(ctx)
	must(t, err)
	if n := log.count("SELECT"); n != 1 {
		t.Errorf("ran %d SELECTs, want 1 (nothing loads behind the user's back)", n)
	}
	if ann.Posts.Loaded() {
		t.Fatal("Posts reads as loaded after a query without a loader option")
	}
	reads := map[string]func(){
		"Items":  func() { _ = ann.Posts.Items() },
		"Len":    func() { _ = ann.Posts.Len() },
		"All":    func() { _ = ann.Posts.All() },
		"Append": func() { ann.Posts.Append(&Post{Title: "x"}) },
		"Set":    func() { ann.Posts.Set() },
		"Remove": func() { ann.Posts.Remove(&Post{}) },
	}
	for name, read := range reads {
		err := notLoadedPanic(t, read)
		if err == nil {
			t.Errorf("%s on an unloaded collection did not fail", name)
			continue
		}
		wantNamed(t, name, err.Error(), "User.Posts", `orm.SelectInLoad("Posts")`)
		wantNamed(t, name, err.Error(), "User.Posts", "s.Load(ctx, &obj.Posts)")
	}
	var out strings.Builder
	err = postsPage.Execute(&out, ann)
	if err == nil || strings.Contains(out.String(), "no posts") {
		t.Fatalf("template rendered %q, err %v; want a render error", out.String(), err)
	}
	wantNamed(t, "template", err.Error(), "User.Posts", `orm.SelectInLoad("Posts")`)
	_, err = json.Marshal(ann)
	if !errors.Is(err, orm.ErrNotLoaded) {
		t.Fatalf("json.Marshal of an unloaded collection: %v; want ErrNotLoaded", err)
	}
	wantNamed(t, "json", err.Error(), "User.Posts", `orm.SelectInLoad("Posts")`)
	if n := log.count("SELECT"); n != 1 {
		t.Errorf("reading ran %d SELECTs in all, want 1: a failed read queries nothing", n)
	}
}

func testUnloadedToOne(t *testing.T, e *orm.DB) {
	ctx, s := freshSession(t, e)
	p, err := orm.Select[Post](s).FilterBy("Title", "p1").One(ctx)
	must(t, err)
	if p.Author.Loaded() {
		t.Fatal("Author reads as loaded after a query without a loader option")
	}
	nl := notLoadedPanic(t, func() { _ = p.Author.Get() })
	if nl == nil {
		t.Fatal("Get on an unloaded to-one did not fail")
	}
	wantNamed(t, "Get", nl.Error(), "Post.Author", `orm.JoinedLoad("Author")`)
	var out strings.Builder
	err = authorLine.Execute(&out, p)
	if err == nil || strings.Contains(out.String(), "nobody") {
		t.Fatalf("template rendered %q, err %v; want a render error", out.String(), err)
	}
	wantNamed(t, "template", err.Error(), "Post.Author", `orm.JoinedLoad("Author")`)
	if _, err := json.Marshal(p); !errors.Is(err, orm.ErrNotLoaded) || !strings.Contains(err.Error(), "Post.Author") {
		t.Errorf("json.Marshal of an unloaded to-one: %v; want ErrNotLoaded naming Post.Author", err)
	}
}

func testLoadedEmpty(t *testing.T, e *orm.DB) {
	ctx, s := freshSession(t, e)
	log := record(t, e)
	bob, err := orm.Select[User](s).FilterBy("Name", "bob").
		Options(orm.SelectInLoad("Posts"), orm.SelectInLoad("Profile")).One(ctx)
	must(t, err)
	if n := log.count("SELECT"); n != 3 {
		t.Errorf("ran %d SELECTs, want 3 (user, posts, profile)", n)
	}
	if !bob.Posts.Loaded() || bob.Posts.Len() != 0 || !bob.Profile.Loaded() || bob.Profile.Get() != nil {
		t.Fatalf("bob: posts %v, profile %v; want loaded and empty", bob.Posts, bob.Profile)
	}
	var out strings.Builder
	must(t, postsPage.Execute(&out, bob))
	if out.String() != "bob: no posts" {
		t.Errorf("template = %q, want %q", out.String(), "bob: no posts")
	}
	b, err := json.Marshal(struct {
		Posts   orm.Many[Post]
		Profile orm.One[Profile]
	}{bob.Posts, bob.Profile})
	must(t, err)
	if string(b) != `{"Posts":[],"Profile":null}` {
		t.Errorf("json = %s; want an empty array and null", b)
	}
}

func testLoadAfterwards(t *testing.T, e *orm.DB) {
	ctx, s := freshSession(t, e)
	ann, err := orm.Select[User](s).FilterBy("Name", "ann").One(ctx)
	must(t, err)
	log := record(t, e)
	must(t, s.Load(ctx, &ann.Posts))
	if n := log.count("SELECT"); n != 1 {
		t.Errorf("Load ran %d SELECTs, want 1", n)
	}
	if ann.Posts.Len() != 2 || ann.Posts.Items()[0].Title != "p1" || ann.Posts.Items()[0].Author.Get() != ann {
		t.Fatalf("loaded posts %v; want p1 and p2 with their author set", ann.Posts)
	}
	if ann.Posts.Items()[0].Tags.Loaded() {
		t.Error("the loaded posts' own Tags read as loaded")
	}
	log.reset()
	must(t, orm.Load(ctx, s, ann, "Posts", "Profile"))
	if n := log.count("SELECT"); n != 1 {
		t.Errorf("Load of a loaded collection and an unloaded to-one ran %d SELECTs, want 1", n)
	}
	var out strings.Builder
	must(t, postsPage.Execute(&out, ann))
	if out.String() != "ann: p1 p2" {
		t.Errorf("template = %q, want %q", out.String(), "ann: p1 p2")
	}
	log.reset()
	must(t, s.Load(ctx, &ann.Posts))
	if n := log.count("SELECT"); n != 0 {
		t.Errorf("a second Load ran %d SELECTs, want 0", n)
	}
}

// testEveryReadPath checks that each way the ORM builds objects from rows
// leaves their relationships unloaded: session and engine queries, Get,
// Raw, Iter, and the targets of selectin and joined loading.
func testEveryReadPath(t *testing.T, e *orm.DB) {
	ctx := context.Background()
	fresh := func() *orm.Session { _, s := freshSession(t, e); return s }
	users := func(q orm.Querier) []*User {
		all, err := orm.Select[User](q).OrderBy("name").All(ctx)
		must(t, err)
		return all
	}
	joined, err := orm.Select[User](fresh()).Options(orm.JoinedLoad("Posts")).OrderBy("name").All(ctx)
	must(t, err)
	selectin, err := orm.Select[Post](fresh()).Options(orm.SelectInLoad("Tags")).OrderBy("id").All(ctx)
	must(t, err)
	got, err := orm.Get[User](ctx, e, users(e)[0].ID)
	must(t, err)
	raw, err := orm.Raw[Post](fresh(), "SELECT * FROM post ORDER BY id").All(ctx)
	must(t, err)
	var streamed *User
	for u, err := range orm.Select[User](fresh()).Iter(ctx) {
		must(t, err)
		streamed = u
		break
	}
	cases := []struct {
		name   string
		loaded bool
		rel    interface{ Loaded() bool }
	}{
		{"session Select", false, &users(fresh())[0].Posts},
		{"engine Select", false, &users(e)[1].Posts},
		{"Get", false, &got.Profile},
		{"Raw", false, &raw[0].Author},
		{"Iter", false, &streamed.Posts},
		{"joined collection", true, &joined[0].Posts},
		{"joined targets' collection", false, &joined[0].Posts.Items()[0].Tags},
		{"joined targets' back-reference", true, &joined[0].Posts.Items()[0].Author},
		{"selectin collection", true, &selectin[0].Tags},
		{"selectin targets' collection", false, &selectin[0].Tags.Items()[0].Posts},
	}
	for _, c := range cases {
		if c.rel.Loaded() != c.loaded {
			t.Errorf("%s: Loaded() = %v, want %v", c.name, !c.loaded, c.loaded)
		}
	}
}

func testPendingComplete(t *testing.T, e *orm.DB) {
	ctx, s := freshSession(t, e)
	u := &User{Name: "cy", Active: true}
	if !u.Posts.Loaded() || u.Posts.Len() != 0 || u.Profile.Get() != nil {
		t.Fatal("a new object's relationships are not complete and empty")
	}
	p := &Post{Title: "hello"}
	u.Posts.Append(p)
	must(t, s.Add(u))
	log := record(t, e)
	must(t, s.Flush(ctx))
	if n := log.count("SELECT"); n != 0 {
		t.Errorf("flushing a new object ran %d SELECTs, want 0", n)
	}
	if u.Posts.Len() != 1 || p.Author.Get() != u || !p.Tags.Loaded() || p.Tags.Len() != 0 {
		t.Errorf("after flush: posts %v, author %v, tags %v; want [hello], cy, loaded empty", u.Posts, p.Author, p.Tags)
	}
	log.reset()
	must(t, s.Load(ctx, &u.Posts))
	if n := log.count("SELECT"); n != 0 {
		t.Errorf("Load of a flushed new object's collection ran %d SELECTs, want 0", n)
	}
	b, err := json.Marshal(p)
	if err == nil || !errors.Is(err, orm.ErrEncodeCycle) {
		t.Errorf("json.Marshal through a back-reference cycle: %s, %v; want ErrEncodeCycle", b, err)
	}
}

func testRefreshUnloads(t *testing.T, e *orm.DB) {
	ctx, s := freshSession(t, e)
	ann, err := orm.Select[User](s).FilterBy("Name", "ann").Options(orm.SelectInLoad("Posts")).One(ctx)
	must(t, err)
	must(t, s.Refresh(ctx, ann))
	if err := notLoadedPanic(t, func() { _ = ann.Posts.Items() }); err == nil {
		t.Fatal("after Refresh the collection still reads")
	}
	must(t, s.Load(ctx, &ann.Posts))
	if ann.Posts.Len() != 2 {
		t.Errorf("reloaded %d posts, want 2", ann.Posts.Len())
	}
}

// testNestedRollbackUnloads: a relationship loaded inside a savepoint
// that rolls back is unloaded again, not left as loaded (or empty).
func testNestedRollbackUnloads(t *testing.T, e *orm.DB) {
	ctx, s := freshSession(t, e)
	ann, err := orm.Select[User](s).FilterBy("Name", "ann").One(ctx)
	must(t, err)
	nt, err := s.BeginNested(ctx)
	must(t, err)
	must(t, s.Load(ctx, &ann.Posts))
	must(t, nt.Rollback(ctx))
	if ann.Posts.Loaded() || s.IsLoaded(ann, "Posts") {
		t.Fatalf("after the savepoint's rollback Posts reads as loaded (%v)", ann.Posts)
	}
	must(t, s.Load(ctx, &ann.Posts))
	if ann.Posts.Len() != 2 {
		t.Errorf("reloaded %d posts, want 2", ann.Posts.Len())
	}
}

// TestPlainRelationshipFieldsAreRefused: a *Model or []*Model field is
// refused at registration with the typed field to use instead.
func TestPlainRelationshipFieldsAreRefused(t *testing.T) {
	type plainMany struct {
		ID    int64
		Posts []*Post
	}
	type plainOne struct {
		ID     int64
		Author *User
	}
	type skipped struct {
		ID     int64
		Author *User `orm:"-"`
	}
	for _, tt := range []struct {
		name  string
		model any
		want  string
	}{
		{"slice", plainMany{}, "declare it as orm.Many[Post]"},
		{"pointer", plainOne{}, "declare it as orm.One[User]"},
		{"skipped", skipped{}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := orm.NewMetaData().Register(tt.model)
			if tt.want == "" {
				must(t, err)
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Register: %v; want an error saying %q", err, tt.want)
			}
		})
	}
}

// TestRelationshipFieldPassedAsObject: passing a One or Many where an
// object is expected is an error that says what to pass.
func TestRelationshipFieldPassedAsObject(t *testing.T) {
	s := orm.NewSession(nil)
	u := &User{}
	p := &Post{Author: orm.OneOf(u)}
	for name, obj := range map[string]any{"One": p.Author, "*One": &p.Author, "Many": u.Posts} {
		if err := s.Add(obj); err == nil || !strings.Contains(err.Error(), "is a relationship field, not an object") {
			t.Errorf("Add(%s): %v; want an error saying it is a relationship field", name, err)
		}
	}
}

// TestUnloadedRelationshipNPlusOneWarning: in debug mode (the engine's
// Echo logger), loading one relationship object by object logs one
// warning per session naming the relationship and the loader option.
func TestUnloadedRelationshipNPlusOneWarning(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, _, _ := seededSession(t, db)
		var logged strings.Builder
		e, err := orm.Open(db.URL, orm.Echo(slog.New(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelWarn}))))
		must(t, err)
		defer e.Close()
		warnings := func() int { return strings.Count(logged.String(), "potential N+1") }
		for _, tt := range []struct {
			name  string
			load  func(s *orm.Session, users []*User)
			query []*orm.LoadOption
			want  int
		}{
			{"a loop of Load", func(s *orm.Session, users []*User) {
				for _, u := range users {
					must(t, s.Load(ctx, &u.Posts))
					must(t, s.Load(ctx, &u.Posts)) // loaded: not counted
				}
			}, nil, 1},
			{"one Load", func(s *orm.Session, users []*User) { must(t, s.Load(ctx, &users[0].Posts)) }, nil, 0},
			{"SelectInLoad", func(s *orm.Session, users []*User) {
				for _, u := range users {
					must(t, s.Load(ctx, &u.Posts))
				}
			}, []*orm.LoadOption{orm.SelectInLoad("Posts")}, 0},
		} {
			t.Run(tt.name, func(t *testing.T) {
				logged.Reset()
				s := orm.NewSession(e)
				defer s.Close(ctx)
				users, err := orm.Select[User](s).OrderBy("name").Options(tt.query...).All(ctx)
				must(t, err)
				tt.load(s, users)
				if got := warnings(); got != tt.want {
					t.Fatalf("%d warnings, want %d: %s", got, tt.want, logged.String())
				}
				if tt.want > 0 && !strings.Contains(logged.String(), `User.Posts`) || tt.want > 0 && !strings.Contains(logged.String(), `SelectInLoad(\"Posts\")`) {
					t.Errorf("warning %q does not name User.Posts and SelectInLoad(\"Posts\")", logged.String())
				}
			})
		}
	})
}
