package orm_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Shelf declares its collection lazy:"joined" (SQLAlchemy's lazy="joined"
// relationship of EagerTest.test_basic).
type (
	Shelf struct {
		ID    int64
		Name  string         `orm:"size:20"`
		Books orm.Many[Book] `orm:"lazy:joined;order_by:title"`
	}
	Book struct {
		ID      int64
		ShelfID *int64 `orm:"fk:shelf.id"`
		Title   string `orm:"size:20"`
	}
)

// eagerCase is one query with the statements it may run.
type eagerCase struct {
	name  string
	query func(ctx context.Context, s *orm.Session) ([]*User, error)
	// statements is how many SELECTs the query runs; want the expected
	// users with their posts' titles and tags ("ann[p1(db,go) p2(go)]").
	statements int
	want       string
}

// runEagerCases runs each case in a fresh session on the seeded blog.
func runEagerCases(t *testing.T, cases []eagerCase) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := blogDB(t, db)
		seedBlog(t, e)
		for _, tt := range cases {
			t.Run(tt.name, func(t *testing.T) {
				ctx := context.Background()
				s := orm.NewSession(e)
				defer s.Close(ctx)
				log := record(t, e)
				users, err := tt.query(ctx, s)
				must(t, err)
				if n := log.count("SELECT"); n != tt.statements {
					t.Errorf("ran %d SELECTs, want %d:\n%s", n, tt.statements, strings.Join(log.stmt, "\n"))
				}
				log.reset()
				if got := describeUsers(s, users); got != tt.want {
					t.Errorf("loaded %s\nwant   %s", got, tt.want)
				}
				if n := log.count("SELECT"); n != 0 {
					t.Errorf("reading the loaded relationships ran %d SELECTs", n)
				}
			})
		}
	})
}

// describeUsers renders users with the posts and tags they have loaded;
// a relationship that is not loaded is "?", so that it cannot pass for
// an empty one.
func describeUsers(s *orm.Session, users []*User) string {
	var b strings.Builder
	for i, u := range users {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(u.Name)
		if !s.IsLoaded(u, "Posts") {
			b.WriteString("[?]")
			continue
		}
		b.WriteString("[")
		for j, p := range u.Posts.Items() {
			if j > 0 {
				b.WriteString(" ")
			}
			b.WriteString(p.Title)
			if s.IsLoaded(p, "Tags") {
				b.WriteString("(" + tagNames(p.Tags.Items()) + ")")
			}
			if s.IsLoaded(p, "Author") && p.Author.Get() != u {
				b.WriteString("!author")
			}
		}
		b.WriteString("]")
	}
	return b.String()
}

// TestJoinedLoadCollections ports SQLAlchemy's EagerTest
// (test/orm/test_eager_relations.py): a joined collection is one
// statement, its owners are de-duplicated, and a limit counts owners.
func TestJoinedLoadCollections(t *testing.T) {
	byName := func(s *orm.Session) *orm.SelectQuery[User] { return orm.Select[User](s).OrderBy("name") }
	runEagerCases(t, []eagerCase{
		{"test_eager_option", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return byName(s).Options(orm.JoinedLoad("Posts")).All(ctx)
		}, 1, "ann[p1 p2] bob[]"},
		{"test_one_and_many", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return byName(s).Options(orm.JoinedLoad("Posts.Tags")).All(ctx)
		}, 1, "ann[p1(db,go) p2(go)] bob[]"},
		{"test_limit", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return byName(s).Options(orm.JoinedLoad("Posts")).Limit(1).All(ctx)
		}, 1, "ann[p1 p2]"},
		{"test_limit offset counts owners", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return byName(s).Options(orm.JoinedLoad("Posts.Tags")).Offset(1).Limit(1).All(ctx)
		}, 1, "bob[]"},
		{"first loads the whole collection", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			u, err := byName(s).Options(orm.JoinedLoad("Posts")).First(ctx)
			return []*User{u}, err
		}, 1, "ann[p1 p2]"},
		{"test_distinct", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return byName(s).Distinct().Options(orm.JoinedLoad("Posts")).All(ctx)
		}, 1, "ann[p1 p2] bob[]"},
		{"limit with a sort key of another table", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return orm.Select[User](s).LeftJoin("profile", orm.C("profile.user_id").Eq(orm.C("user.id"))).
				OrderBy(orm.C("profile.bio"), "-name").Limit(2).Options(orm.JoinedLoad("Posts")).All(ctx)
		}, 1, "bob[] ann[p1 p2]"},
		{"criteria in the join", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return byName(s).Options(orm.JoinedLoad("Posts").Where(orm.C("post.title").Eq("p2")).OrderBy("-id")).All(ctx)
		}, 1, "ann[p2] bob[]"},
		{"user join of the same table does not filter the collection", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return byName(s).Join("post", orm.C("post.author_id").Eq(orm.C("user.id"))).Where(orm.C("post.title").Eq("p2")).
				Options(orm.JoinedLoad("Posts")).All(ctx)
		}, 1, "ann[p1 p2]"},
		{"joined then selectin", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return byName(s).Options(orm.JoinedLoad("Posts"), orm.SelectInLoad("Posts.Tags")).All(ctx)
		}, 2, "ann[p1(db,go) p2(go)] bob[]"},
		{"selectin then joined", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return byName(s).Options(orm.SelectInLoad("Posts"), orm.JoinedLoad("Posts.Tags")).All(ctx)
		}, 3, "ann[p1(db,go) p2(go)] bob[]"},
	})
}

// TestJoinedLoadCollectionThenToOne joins a many-to-many collection and
// then each item's many-to-one in one statement (joinedload chained
// from a collection to a scalar, test_loads_second_level_collection_to_scalar).
func TestJoinedLoadCollectionThenToOne(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		log := record(t, e)
		tags, err := orm.Select[Tag](s).OrderBy("name").Options(orm.JoinedLoad("Posts.Author")).All(ctx)
		must(t, err)
		if n := log.count("SELECT"); n != 1 {
			t.Fatalf("ran %d SELECTs, want 1: %q", n, log.stmt)
		}
		if len(tags) != 2 || tags[0].Name != "db" || tags[0].Posts.Len() != 1 || tags[1].Posts.Len() != 2 {
			t.Fatalf("tags = %+v; want db with p1 and go with p1, p2", tags)
		}
		ann := tags[1].Posts.Items()[0].Author.Get()
		if ann == nil || ann.Name != "ann" || tags[1].Posts.Items()[1].Author.Get() != ann || tags[0].Posts.Items()[0] != tags[1].Posts.Items()[0] {
			t.Errorf("authors and posts are not one object per row")
		}
		if !s.IsLoaded(tags[0].Posts.Items()[0], "Author") {
			t.Errorf("Author of a joined post is not loaded")
		}
	})
}

// TestJoinedLoadDeclared ports test_basic: a collection declared
// lazy:"joined" loads in the owners' statement, also through an engine
// (no session), where owners are de-duplicated all the same.
func TestJoinedLoadDeclared(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := modelDB(t, db, Shelf{}, Book{})
		s := orm.NewSession(e)
		defer s.Close(ctx)
		must(t, s.AddAll(&Shelf{Name: "a", Books: orm.ManyOf(&Book{Title: "y"}, &Book{Title: "x"})}, &Shelf{Name: "b"}))
		must(t, s.Commit(ctx))
		fresh := orm.NewSession(e)
		defer fresh.Close(ctx)
		for _, q := range []orm.Querier{fresh, e} {
			log := record(t, e)
			shelves, err := orm.Select[Shelf](q).OrderBy("name").All(ctx)
			must(t, err)
			if n := log.count("SELECT"); n != 1 {
				t.Errorf("%T: ran %d SELECTs, want 1: %q", q, n, log.stmt)
			}
			if len(shelves) != 2 || shelves[0].Books.Len() != 2 || shelves[0].Books.Items()[0].Title != "x" || !shelves[1].Books.Loaded() {
				t.Errorf("%T: shelves = %+v; want a [x y] and b [] (a loaded empty list)", q, shelves)
			}
		}
	})
}

// TestSubqueryLoad ports SQLAlchemy's subqueryload tests
// (test/orm/test_subquery_relations.py): one more statement per level,
// which re-runs the owners' query as a subquery.
func TestSubqueryLoad(t *testing.T) {
	byName := func(s *orm.Session) *orm.SelectQuery[User] { return orm.Select[User](s).OrderBy("name") }
	runEagerCases(t, []eagerCase{
		{"test_basic", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return byName(s).Where(orm.C("user.name").Eq("ann")).Options(orm.SubqueryLoad("Posts")).All(ctx)
		}, 2, "ann[p1 p2]"},
		{"test_orderby", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return byName(s).Options(orm.SubqueryLoad("Posts").OrderBy("-title")).All(ctx)
		}, 2, "ann[p2 p1] bob[]"},
		{"test_multilevel_sub_options", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return byName(s).Options(orm.SubqueryLoad("Posts.Tags")).All(ctx)
		}, 3, "ann[p1(db,go) p2(go)] bob[]"},
		{"test_limit", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return byName(s).Offset(1).Limit(1).Options(orm.SubqueryLoad("Posts")).All(ctx)
		}, 2, "bob[]"},
		{"test_limit nested", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return byName(s).Limit(1).Options(orm.SubqueryLoad("Posts.Tags")).All(ctx)
		}, 3, "ann[p1(db,go) p2(go)]"},
		{"distinct owners", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return byName(s).Distinct().Options(orm.SubqueryLoad("Posts")).All(ctx)
		}, 2, "ann[p1 p2] bob[]"},
	})
}

// TestSubqueryLoadStatements checks the shape of the second statement
// and test_many_to_one / test_many_to_many_plain.
func TestSubqueryLoadStatements(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		log := record(t, e)
		posts, err := orm.Select[Post](s).OrderBy("id").Options(orm.SubqueryLoad("Author"), orm.SubqueryLoad("Tags")).All(ctx)
		must(t, err)
		if n := log.count("SELECT"); n != 3 || len(log.matching("FROM (SELECT")) != 2 {
			t.Fatalf("ran %q; want the posts, then authors and tags each through a subquery", log.stmt)
		}
		if posts[0].Author.Get() == nil || posts[0].Author.Get().Name != "ann" || posts[1].Author.Get() != posts[0].Author.Get() {
			t.Errorf("test_many_to_one: authors %v, %v", posts[0].Author, posts[1].Author)
		}
		if tagNames(posts[0].Tags.Items()) != "db,go" || tagNames(posts[1].Tags.Items()) != "go" {
			t.Errorf("test_many_to_many_plain: tags %s and %s", tagNames(posts[0].Tags.Items()), tagNames(posts[1].Tags.Items()))
		}
	})
}

// TestContainsEager ports test/orm/test_froms.py's contains_eager tests:
// the relationship is filled from the query's own join, in one statement.
func TestContainsEager(t *testing.T) {
	onAuthor := orm.C("post.author_id").Eq(orm.C("user.id"))
	runEagerCases(t, []eagerCase{
		{"test_contains_eager_one", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return orm.Select[User](s).LeftJoin("post", onAuthor).OrderBy("name", orm.C("post.id")).
				Options(orm.ContainsEager("Posts")).All(ctx)
		}, 1, "ann[p1 p2] bob[]"},
		{"filtered join gives a filtered collection", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return orm.Select[User](s).Join("post", onAuthor).Where(orm.C("post.title").Eq("p2")).
				Options(orm.ContainsEager("Posts")).All(ctx)
		}, 1, "ann[p2]"},
		{"test_contains_eager_chaining", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return orm.Select[User](s).Join("post", onAuthor).
				Join("post_tag", orm.C("post_tag.post_id").Eq(orm.C("post.id"))).
				Join("tag", orm.C("tag.id").Eq(orm.C("post_tag.tag_id"))).
				Where(orm.C("tag.name").Eq("go")).OrderBy(orm.C("post.id")).
				Options(orm.ContainsEager("Posts.Tags")).All(ctx)
		}, 1, "ann[p1(go) p2(go)]"},
		{"joined load below a contains_eager", func(ctx context.Context, s *orm.Session) ([]*User, error) {
			return orm.Select[User](s).Join("post", onAuthor).OrderBy(orm.C("post.id")).
				Options(orm.ContainsEager("Posts"), orm.JoinedLoad("Posts.Tags")).All(ctx)
		}, 1, "ann[p1(db,go) p2(go)]"},
	})
}

// TestEagerLoadingStatementsGolden records the statements of each eager
// loading strategy per dialect in testdata/loading/<dialect>.sql.
func TestEagerLoadingStatementsGolden(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		seedBlog(t, e)
		var b strings.Builder
		remove := e.OnStatement(func(ev orm.StatementEvent) {
			if strings.HasPrefix(ev.SQL, "SELECT") { // not the session's transaction control
				fmt.Fprintf(&b, "%s %v;\n", ev.SQL, ev.Args)
			}
		})
		defer remove()
		steps := []struct {
			name string
			run  func(s *orm.Session) error
		}{
			{"joinedload of a collection and its many-to-many", func(s *orm.Session) error {
				_, err := orm.Select[User](s).OrderBy("name").Options(orm.JoinedLoad("Posts.Tags")).All(ctx)
				return err
			}},
			{"joinedload of a collection with a limit: owners in a subquery", func(s *orm.Session) error {
				_, err := orm.Select[User](s).OrderBy("name").Limit(1).Offset(1).Options(orm.JoinedLoad("Posts")).All(ctx)
				return err
			}},
			{"subqueryload, two levels", func(s *orm.Session) error {
				_, err := orm.Select[User](s).Where(orm.C("user.active").Eq(true)).OrderBy("name").Limit(5).
					Options(orm.SubqueryLoad("Posts.Tags")).All(ctx)
				return err
			}},
			{"contains_eager", func(s *orm.Session) error {
				_, err := orm.Select[User](s).LeftJoin("post", orm.C("post.author_id").Eq(orm.C("user.id"))).
					OrderBy("name", orm.C("post.id")).Options(orm.ContainsEager("Posts")).All(ctx)
				return err
			}},
		}
		for _, st := range steps {
			fmt.Fprintf(&b, "-- %s\n", st.name)
			s := orm.NewSession(e)
			must(t, st.run(s))
			s.Close(ctx)
		}
		golden(t, "loading/"+db.Name+".sql", b.String())
	})
}

// TestJoinedLoadOnExisting ports LoadOnExistingTest's
// test_loads_second_level_collection_to_collection: owners whose first
// level is already loaded keep it, and the join still loads the second.
func TestJoinedLoadOnExisting(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		users, err := orm.Select[User](s).OrderBy("name").Options(orm.JoinedLoad("Posts")).All(ctx)
		must(t, err)
		posts := users[0].Posts.Items()
		log := record(t, e)
		again, err := orm.Select[User](s).OrderBy("name").Options(orm.JoinedLoad("Posts.Tags")).All(ctx)
		must(t, err)
		if n := log.count("SELECT"); n != 1 {
			t.Errorf("ran %d SELECTs, want 1", n)
		}
		if again[0] != users[0] || &again[0].Posts.Items()[0] != &posts[0] {
			t.Errorf("the loaded collection was replaced")
		}
		if got := describeUsers(s, again); got != "ann[p1(db,go) p2(go)] bob[]" {
			t.Errorf("loaded %s", got)
		}
	})
}

// TestJoinedLoadRowsShareNothing checks what the joined scan reuses
// between rows: each object gets its own pointer fields, and the related
// objects repeated on many rows are one object each.
func TestJoinedLoadRowsShareNothing(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, _, s := seededSession(t, db)
		users, err := orm.Select[User](s).OrderBy("name").Options(orm.JoinedLoad("Posts.Tags")).All(ctx)
		must(t, err)
		p1, p2 := users[0].Posts.Items()[0], users[0].Posts.Items()[1]
		if p1.AuthorID == nil || p1.AuthorID == p2.AuthorID || *p1.AuthorID != *p2.AuthorID {
			t.Errorf("posts share their AuthorID pointer (%p, %p)", p1.AuthorID, p2.AuthorID)
		}
		if p1.Tags.Items()[1] != p2.Tags.Items()[0] || p1.Tags.Items()[1].Name != "go" {
			t.Errorf("tag go is two objects: %p, %p", p1.Tags.Items()[1], p2.Tags.Items()[0])
		}
		*p1.AuthorID = 99
		if *p2.AuthorID == 99 {
			t.Errorf("changing one post's AuthorID changed another's")
		}
	})
}

// TestEagerLoadSelfReferential ports SelfReferentialEagerTest.test_options
// (joinedload of children and grandchildren of a tree, one statement)
// and its subqueryload counterpart (one statement per level).
func TestEagerLoadSelfReferential(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		s := orm.NewSession(e)
		defer s.Close(ctx)
		root := &Node{Name: "n1", Children: orm.ManyOf(&Node{Name: "n11", Children: orm.ManyOf(&Node{Name: "n111"}, &Node{Name: "n112"})},
			&Node{Name: "n12"})}
		must(t, s.AddAll(root, &Node{Name: "n2"}))
		must(t, s.Commit(ctx))
		for _, tt := range []struct {
			name       string
			opt        *orm.LoadOption
			statements int
		}{
			{"joinedload", orm.JoinedLoad("Children.Children"), 1},
			{"subqueryload", orm.SubqueryLoad("Children.Children"), 3},
		} {
			one := orm.NewSession(e)
			if _, err := orm.Select[Node](one).Where(orm.C("node.parent_id").IsNull()).Options(tt.opt).One(ctx); !errors.Is(err, orm.ErrMultipleRows) {
				t.Errorf("%s: One over two roots = %v; want ErrMultipleRows (the limit counts roots)", tt.name, err)
			}
			one.Close(ctx)
			fresh := orm.NewSession(e)
			log := record(t, e)
			roots, err := orm.Select[Node](fresh).Where(orm.C("node.parent_id").IsNull()).OrderBy("name").Options(tt.opt).All(ctx)
			must(t, err)
			if n := log.count("SELECT"); n != tt.statements {
				t.Errorf("%s: ran %d SELECTs, want %d: %q", tt.name, n, tt.statements, log.stmt)
			}
			var got []string
			for _, r := range roots {
				got = append(got, r.Name+"["+nodeNames(r.Children.Items())+"]")
				for _, c := range r.Children.Items() {
					got = append(got, c.Name+"["+nodeNames(c.Children.Items())+"]")
				}
			}
			if want := "n1[n11 n12] n11[n111 n112] n12[] n2[]"; strings.Join(got, " ") != want {
				t.Errorf("%s: loaded %q, want %q", tt.name, strings.Join(got, " "), want)
			}
			fresh.Close(ctx)
		}
	})
}

// nodeNames joins the names of nodes.
func nodeNames(nodes []*Node) string {
	names := make([]string, len(nodes))
	for i, n := range nodes {
		names[i] = n.Name
	}
	return strings.Join(names, " ")
}

// TestEagerLoadWithoutSession runs each strategy on the engine, where the
// query's objects get a private identity map.
func TestEagerLoadWithoutSession(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		seedBlog(t, e)
		for _, opt := range []*orm.LoadOption{orm.JoinedLoad("Posts.Tags"), orm.SubqueryLoad("Posts.Tags"), orm.SelectInLoad("Posts.Tags")} {
			users, err := orm.Select[User](e).OrderBy("name").Options(opt).All(ctx)
			must(t, err)
			if len(users) != 2 || users[0].Posts.Len() != 2 || tagNames(users[0].Posts.Items()[0].Tags.Items()) != "db,go" || !users[1].Posts.Loaded() {
				t.Errorf("loaded %+v", users)
			}
		}
	})
}

// TestContainsEagerRefusesCriteria: criteria on a ContainsEager would be
// silently ignored (the query's own join decides), so they are an error.
func TestContainsEagerRefusesCriteria(t *testing.T) {
	ctx, _, s := seededSession(t, dbtest.SQLite(t))
	_, err := orm.Select[User](s).Join("post", orm.C("post.author_id").Eq(orm.C("user.id"))).
		Options(orm.ContainsEager("Posts").Where(orm.C("post.title").Eq("p1"))).All(ctx)
	if err == nil || !strings.Contains(err.Error(), `ContainsEager("Posts")`) {
		t.Errorf("ContainsEager with Where = %v; want an error naming it", err)
	}
}
