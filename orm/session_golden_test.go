package orm_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestSessionStatementsGolden records every statement of a blog session
// (flush, selectin and joined loading, dirty update, many-to-many removal,
// cascade delete) per dialect in testdata/session/<dialect>.sql.
func TestSessionStatementsGolden(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		var b strings.Builder
		remove := e.OnStatement(func(ev orm.StatementEvent) { fmt.Fprintf(&b, "%s %v;\n", ev.SQL, ev.Args) })
		defer remove()
		step := func(name string) { fmt.Fprintf(&b, "-- %s\n", name) }

		step("add a user with posts and tags, and another user")
		seedBlog(t, e)

		step("selectin Posts.Tags, then change a column and remove a tag")
		s := orm.NewSession(e)
		users, err := orm.Select[User](s).OrderBy("name").Options(orm.SelectInLoad("Posts.Tags")).All(ctx)
		must(t, err)
		users[0].Name = "ann2"
		users[0].Posts.Items()[0].Tags.Set(users[0].Posts.Items()[0].Tags.Items()[:1]...)
		must(t, s.Commit(ctx))

		step("joined Author, then delete a user (cascade)")
		s = orm.NewSession(e)
		posts, err := orm.Select[Post](s).OrderBy("id").Options(orm.JoinedLoad("Author")).All(ctx)
		must(t, err)
		must(t, s.Delete(posts[0].Author.Get()))
		must(t, s.Commit(ctx))
		golden(t, "session/"+db.Name+".sql", b.String())
	})
}
