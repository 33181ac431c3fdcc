package orm_test

import (
	"context"
	"fmt"

	"github.com/flagon-go/flagon/orm"
)

func ExampleUpdateQuery_Returning() {
	ctx := context.Background()
	db := exprExampleDB() // ann's "Go tips" (10 views) and "SQL" (30), bob's "Hello" and "Bye" (5 each)
	defer db.Close()
	s := db.Session()
	defer s.Close(ctx)

	tips, _ := orm.Get[Post](ctx, s, 1) // "Go tips", now in the session

	// UPDATE ... RETURNING, scanned by Into; the session's object of the
	// updated row gets the new value (synchronize_session).
	type bumped struct {
		Title string
		Views int
	}
	rows, _ := orm.Into[bumped](ctx, orm.Update[Post](s).
		Set("Views", orm.SQL("views + ?", 1)).Where(orm.C("views").Ge(10)).
		Returning("title", "views"))
	fmt.Println(len(rows), "rows updated; the session's object:", tips.Title, tips.Views, s.IsModified(tips))

	// DELETE ... RETURNING whole objects; the session's deleted objects
	// leave it, and the commit writes nothing more for them.
	gone, _ := orm.Delete[Post](s).Where(orm.C("views").Gt(10)).All(ctx)
	fmt.Println("deleted:", len(gone), "still in the session:", s.Contains(tips))
	_ = s.Commit(ctx)

	titles, _ := orm.Into[string](ctx, orm.Select[Post](db).Columns("title").OrderBy("id"))
	fmt.Println(titles)
	// Output:
	// 2 rows updated; the session's object: Go tips 11 false
	// deleted: 2 still in the session: false
	// [Hello Bye]
}
