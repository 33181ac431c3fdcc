package orm_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/orm"
)

// Cases ported from SQLAlchemy's test/orm/test_eager_relations.py,
// test_selectin_relations.py, test_subquery_relations.py and
// test_lazy_relations.py: every loader strategy gives the same objects,
// including with LIMIT/OFFSET, ORDER BY and filters on the parent.

// eagerSeed adds users with posts and tags to the blog seed: ann (p1
// [go db], p2 [go]), bob (none), cid (p3 [db], p4, p5 [go]), dee (p6).
func eagerSeed(t *testing.T, ctx context.Context, s *orm.Session) {
	t.Helper()
	goTag, err := orm.Select[Tag](s).FilterBy("Name", "go").One(ctx)
	must(t, err)
	dbTag, err := orm.Select[Tag](s).FilterBy("Name", "db").One(ctx)
	must(t, err)
	must(t, s.AddAll(
		&User{Name: "cid", Active: true, Posts: orm.ManyOf(&Post{Title: "p3", Tags: orm.ManyOf(dbTag)}, &Post{Title: "p4"}, &Post{Title: "p5", Tags: orm.ManyOf(goTag)})},
		&User{Name: "dee", Active: false, Posts: orm.ManyOf(&Post{Title: "p6"})},
	))
	must(t, s.Commit(ctx))
}

// eagerDescribe renders users with their posts and tags.
func eagerDescribe(users []*User) string {
	var b strings.Builder
	for _, u := range users {
		fmt.Fprintf(&b, "%s(", u.Name)
		for _, p := range u.Posts.Items() {
			fmt.Fprintf(&b, " %s[", p.Title)
			for _, tg := range p.Tags.Items() {
				fmt.Fprintf(&b, "%s ", tg.Name)
			}
			if a := p.Author.Get(); a != u {
				fmt.Fprintf(&b, "author:%v", a)
			}
			b.WriteString("]")
		}
		b.WriteString(") ")
	}
	return b.String()
}

// eagerLoaders are the strategies compared: a lazy load after the query
// (Load) and each loader option.
var eagerLoaders = []struct {
	name string
	opts []*orm.LoadOption
}{
	{"lazyload", nil},
	{"joinedload", []*orm.LoadOption{orm.JoinedLoad("Posts"), orm.JoinedLoad("Posts.Tags")}},
	{"selectinload", []*orm.LoadOption{orm.SelectInLoad("Posts"), orm.SelectInLoad("Posts.Tags")}},
	{"subqueryload", []*orm.LoadOption{orm.SubqueryLoad("Posts"), orm.SubqueryLoad("Posts.Tags")}},
	{"joined_then_selectin", []*orm.LoadOption{orm.JoinedLoad("Posts"), orm.SelectInLoad("Posts.Tags")}},
}

func TestSAEagerRelationsPort(t *testing.T) {
	queries := []struct {
		name  string
		build func(s *orm.Session) *orm.SelectQuery[User]
		want  string
	}{
		{"test_basic", func(s *orm.Session) *orm.SelectQuery[User] { return orm.Select[User](s).OrderBy("ID") },
			"ann( p1[db go ] p2[go ]) bob() cid( p3[db ] p4[] p5[go ]) dee( p6[]) "},
		{"test_limit", func(s *orm.Session) *orm.SelectQuery[User] {
			return orm.Select[User](s).OrderBy("ID").Limit(2).Offset(1)
		}, "bob() cid( p3[db ] p4[] p5[go ]) "},
		{"test_limit_2", func(s *orm.Session) *orm.SelectQuery[User] {
			return orm.Select[User](s).OrderBy(orm.C("name").Desc()).Limit(2)
		}, "dee( p6[]) cid( p3[db ] p4[] p5[go ]) "},
		{"test_filter_on_parent", func(s *orm.Session) *orm.SelectQuery[User] {
			return orm.Select[User](s).FilterBy("Active", true).OrderBy("ID")
		}, "ann( p1[db go ] p2[go ]) bob() cid( p3[db ] p4[] p5[go ]) "},
		{"test_first", func(s *orm.Session) *orm.SelectQuery[User] {
			return orm.Select[User](s).FilterBy("Name", "cid").Limit(1)
		}, "cid( p3[db ] p4[] p5[go ]) "},
	}
	runSACases(t, []saCase{{"strategies", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
		eagerSeed(t, ctx, s)
		for _, q := range queries {
			for _, l := range eagerLoaders {
				t.Run(q.name+"/"+l.name, func(t *testing.T) {
					fresh := orm.NewSession(e)
					defer fresh.Close(ctx)
					sel := q.build(fresh)
					if l.opts != nil {
						sel = sel.Options(l.opts...)
					}
					users, err := sel.All(ctx)
					must(t, err)
					if l.opts == nil {
						for _, u := range users {
							must(t, fresh.Load(ctx, &u.Posts))
							for _, p := range u.Posts.Items() {
								must(t, fresh.Load(ctx, &p.Tags))
							}
						}
					}
					if got := eagerDescribe(users); got != q.want {
						t.Errorf("got  %s\nwant %s", got, q.want)
					}
				})
			}
		}
	}}})
}

func TestSAEagerManyToOnePort(t *testing.T) {
	loaders := []struct {
		name string
		opt  *orm.LoadOption
	}{
		{"lazyload", nil},
		{"joinedload", orm.JoinedLoad("Author")},
		{"selectinload", orm.SelectInLoad("Author")},
		{"subqueryload", orm.SubqueryLoad("Author")},
	}
	runSACases(t, []saCase{{"test_many_to_one", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
		eagerSeed(t, ctx, s)
		must(t, s.Add(&Post{Title: "p7"})) // no author
		must(t, s.Commit(ctx))
		const want = "p1:ann p2:ann p3:cid p4:cid p5:cid p6:dee p7:- "
		for _, l := range loaders {
			t.Run(l.name, func(t *testing.T) {
				fresh := orm.NewSession(e)
				defer fresh.Close(ctx)
				sel := orm.Select[Post](fresh).OrderBy("ID")
				if l.opt != nil {
					sel = sel.Options(l.opt)
				}
				posts, err := sel.All(ctx)
				must(t, err)
				var b strings.Builder
				for _, p := range posts {
					if l.opt == nil {
						must(t, fresh.Load(ctx, &p.Author))
					}
					name := "-"
					if a := p.Author.Get(); a != nil {
						name = a.Name
						if same, _ := orm.Get[User](ctx, fresh, a.ID); same != a {
							t.Errorf("%s's author is not the identity map's object", p.Title)
						}
					}
					fmt.Fprintf(&b, "%s:%s ", p.Title, name)
				}
				if b.String() != want {
					t.Errorf("got  %s\nwant %s", b.String(), want)
				}
			})
		}
	}}})
}
