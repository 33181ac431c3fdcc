package orm_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/flagon-go/flagon/orm"
)

// blogExampleDB opens an in-memory database with the blog tables.
func blogExampleDB() *orm.DB {
	db, err := orm.Open("sqlite://")
	if err != nil {
		panic(err)
	}
	md := orm.NewMetaData()
	if err := md.Register(User{}, Profile{}, Post{}, Tag{}, PostTag{}); err != nil {
		panic(err)
	}
	if err := md.CreateAll(context.Background(), db); err != nil {
		panic(err)
	}
	return db
}

func ExampleSession() {
	ctx := context.Background()
	db := blogExampleDB()
	defer db.Close()

	s := orm.NewSession(db)
	ann := &User{Name: "ann", Active: true, Posts: orm.ManyOf(&Post{Title: "Hello"}, &Post{Title: "Again"})}
	_ = s.Add(ann) // the posts follow through the save-update cascade
	if err := s.Commit(ctx); err != nil {
		panic(err)
	}
	fmt.Println("ann:", ann.ID, "post author ids:", *ann.Posts.Items()[0].AuthorID, *ann.Posts.Items()[1].AuthorID)

	s2 := orm.NewSession(db)
	defer s2.Close(ctx)
	u, _ := orm.Select[User](s2).FilterBy("Name", "ann").Options(orm.SelectInLoad("Posts")).One(ctx)
	same, _ := orm.Get[User](ctx, s2, u.ID)
	fmt.Println("one pointer per row:", u == same)
	fmt.Println("posts:", u.Posts.Items()[0].Title, u.Posts.Items()[1].Title, "author set:", u.Posts.Items()[0].Author.Get() == u)

	u.Name = "anne"
	fmt.Println("modified:", s2.IsModified(u))
	_ = s2.Rollback(ctx)
	fmt.Println("after rollback:", u.Name)
	// Output:
	// ann: 1 post author ids: 1 1
	// one pointer per row: true
	// posts: Hello Again author set: true
	// modified: true
	// after rollback: ann
}

func ExampleRaiseOnLazyLoad() {
	ctx := context.Background()
	db := blogExampleDB()
	defer db.Close()
	s := orm.NewSession(db)
	_ = s.Add(&User{Name: "bob", Active: true, Posts: orm.ManyOf(&Post{Title: "p"})})
	_ = s.Commit(ctx)

	strict := orm.NewSession(db, orm.RaiseOnLazyLoad())
	defer strict.Close(ctx)
	users, _ := orm.Select[User](strict).All(ctx)
	err := strict.Load(ctx, &users[0].Posts)
	fmt.Println(errors.Is(err, orm.ErrRaiseLoad))

	users, _ = orm.Select[User](strict).Options(orm.SelectInLoad("Posts")).All(ctx)
	fmt.Println(strict.Load(ctx, &users[0].Posts), users[0].Posts.Len())
	// Output:
	// true
	// <nil> 1
}
